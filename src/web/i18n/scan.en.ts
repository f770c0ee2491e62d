import type scanZh from './scan.zh-CN';

// The camera code reader, in English.
const scanEn: typeof scanZh = {
  openCamera: 'Scan with the camera',
  closeCamera: 'Close the camera',
  typePlaceholder: 'or type the code',
  submit: 'OK',
  denied: 'The camera was not allowed: allow it in the browser settings, or type the code',
  unavailable: 'No camera available: type the code',
};

export default scanEn;
