import fc from 'fast-check';

// Test support for the domain's property tests: text as people type or paste it.

/** The full-width form of the printable ASCII in a string (１２３ＡＢＣ), as Chinese input methods type it. */
export function toFullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** Any text, full Unicode (astral planes too, never a lone surrogate), as pasted into a form. */
export const anyText = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0x10ffff }))
    .map((c) => String.fromCodePoint(c)),
  maxLength: 40,
});
