import type careZh from './care.zh-CN';

// Care for those who cannot go out: the desk, phone and household screens in English.
const careEn: typeof careZh = {
  title: 'Care',
};

export default careEn;
