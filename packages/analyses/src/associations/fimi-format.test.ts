import { describe, expect, it } from 'vitest';
import { parseFimi } from './fimi-format';

describe('parseFimi', () => {
  it('reads one transaction per line and skips blank, comment and metadata lines', () => {
    const text = '# retail sample\n1 2 3\n\n@CONVERTED_FROM_TEXT\n  4\t5  \r\n% note\n6';
    expect(parseFimi(text)).toEqual([[1, 2, 3], [4, 5], [6]]);
  });

  it('keeps items in the written order', () => {
    expect(parseFimi('3 1 2\n')).toEqual([[3, 1, 2]]);
  });

  it('names the line of a malformed token', () => {
    expect(() => parseFimi('1 2\n3 x\n')).toThrow(/line 2/);
    expect(() => parseFimi('1 2a\n')).toThrow(/line 1/);
  });
});
