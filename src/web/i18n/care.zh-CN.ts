// 生活保障: the desk, phone and household screens in Chinese.
const careZh = {
  title: '生活保障',
};

export default careZh;
