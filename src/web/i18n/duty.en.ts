import type { DutyMessages } from './duty.zh-CN';

// The duty screens in English: typed by the Chinese, so a missing or extra key is a type error.
const dutyEn: DutyMessages = {
  title: 'Duty',
};

export default dutyEn;
