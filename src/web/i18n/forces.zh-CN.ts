// The forces screens in Chinese (helper-owned file; zh-CN.ts includes it under `forces`).
const forcesZh = {
  title: '力量',
};

export type ForcesMessages = typeof forcesZh;
export default forcesZh;
