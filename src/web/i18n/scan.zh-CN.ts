// The camera code reader (src/web/field/scan/CodeScanner.tsx), in Chinese; zh-CN.ts includes it under `scan`.
const scanZh = {
  openCamera: '打开摄像头扫码',
  closeCamera: '关闭摄像头',
  typePlaceholder: '或输入码',
  submit: '确定',
  denied: '未获得摄像头权限，请在浏览器设置中允许，或直接输入码',
  unavailable: '摄像头不可用，请直接输入码',
};

export default scanZh;
