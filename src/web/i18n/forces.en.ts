import type { ForcesMessages } from './forces.zh-CN';

// The forces screens in English: typed by the Chinese, so a missing or extra key is a type error.
const forcesEn: ForcesMessages = {
  title: 'Forces',
};

export default forcesEn;
