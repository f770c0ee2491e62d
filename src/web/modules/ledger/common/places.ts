// The places asked about most at the door ("您近期去过哪?"), as GB/T 2260 codes: the key areas of the
// reports first (Wuhan, the rest of Hubei), then the big cities people came back from, then elsewhere in
// the province. Anything else is typed as a code.

export const COMMON_PLACES = [
  { code: '420100', key: 'wuhan' },
  { code: '420000', key: 'hubei' },
  { code: '110000', key: 'beijing' },
  { code: '310000', key: 'shanghai' },
  { code: '440000', key: 'guangdong' },
  { code: '330000', key: 'zhejiang' },
  { code: '410000', key: 'henan' },
] as const;

export type CommonPlaceKey = (typeof COMMON_PLACES)[number]['key'];
