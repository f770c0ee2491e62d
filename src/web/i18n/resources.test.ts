import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

function leaves(obj: object, prefix = ''): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}

describe('UI resources', () => {
  it('carry the same keys in both languages, none empty, with the same placeholders', () => {
    const zh = new Map(leaves(zhCN));
    const enMap = new Map(leaves(en));
    expect([...enMap.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, text] of zh) {
      const other = enMap.get(key) as string;
      expect(typeof text === 'string' && text.length > 0, key).toBe(true);
      expect(other.length > 0, key).toBe(true);
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(vars(other), key).toEqual(vars(text as string));
    }
  });
});
