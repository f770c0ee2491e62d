// 重点人员、隔离管控: the desk screens in Chinese.
const isolationZh = {
  title: '重点人员',
};

export default isolationZh;
