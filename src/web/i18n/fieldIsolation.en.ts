import type fieldIsolationZh from './fieldIsolation.zh-CN';

// Health checks: the phone screens in English.
const fieldIsolationEn: typeof fieldIsolationZh = {
  title: 'Health checks',
};

export default fieldIsolationEn;
