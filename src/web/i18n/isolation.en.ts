import type isolationZh from './isolation.zh-CN';

// Key persons and isolation: the desk screens in English.
const isolationEn: typeof isolationZh = {
  title: 'Key persons',
};

export default isolationEn;
