import { describe, expect, it } from 'vitest';
import { textProblem } from './text';

describe('textProblem', () => {
  it('lets ordinary text through, with tabs, new lines and characters outside the BMP', () => {
    expect(textProblem('')).toBeUndefined();
    expect(textProblem('张三 Zhang San 13800001111')).toBeUndefined();
    expect(textProblem('第一行\n第二行\r\n\t缩进')).toBeUndefined();
    expect(textProblem('𠮷野家 😷')).toBeUndefined();
    expect(textProblem('\u007f\u0085\u200b')).toBeUndefined(); // not C0: left to the fields' own rules
  });

  it('refuses NUL and the other C0 controls', () => {
    expect(textProblem('a\u0000')).toBe('control');
    expect(textProblem('\u0000')).toBe('control');
    expect(textProblem('x\u001b[2J')).toBe('control');
    expect(textProblem('\u0008')).toBe('control');
    expect(textProblem('\u001f')).toBe('control');
  });

  it('refuses half of a surrogate pair without the other half', () => {
    expect(textProblem('a\ud800')).toBe('surrogate');
    expect(textProblem('\ud800a')).toBe('surrogate');
    expect(textProblem('\udc00')).toBe('surrogate');
    expect(textProblem('😷\udc00')).toBe('surrogate');
    expect(textProblem('\ud83d\ud83d\ude37')).toBe('surrogate');
  });
});
