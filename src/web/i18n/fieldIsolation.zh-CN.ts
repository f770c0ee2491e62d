// 健康监测: the phone screens in Chinese.
const fieldIsolationZh = {
  title: '健康监测',
};

export default fieldIsolationZh;
