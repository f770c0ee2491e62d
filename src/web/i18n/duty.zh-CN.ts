// The duty screens in Chinese (helper-owned file; zh-CN.ts includes it under `duty`).
const dutyZh = {
  title: '值守',
};

export type DutyMessages = typeof dutyZh;
export default dutyZh;
