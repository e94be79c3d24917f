import { describe, expect, it } from 'vitest';
import { parseSpmfSequences } from './spmf-format';

describe('parseSpmfSequences', () => {
  it('reads itemsets closed by -1 and sequences closed by -2', () => {
    const text = '1 -1 1 2 3 -1 1 3 -1 4 -1 3 6 -1 -2\n5 -1 -2\n';
    expect(parseSpmfSequences(text)).toEqual([[[1], [1, 2, 3], [1, 3], [4], [3, 6]], [[5]]]);
  });

  it('skips comments, metadata and blank lines; tolerates CRLF and a missing -2', () => {
    const text = '@CONVERTED_FROM_TEXT\r\n# c\r\n\r\n7 -1 8 -1 -2\r\n% x\n9 -1 10';
    expect(parseSpmfSequences(text)).toEqual([
      [[7], [8]],
      [[9], [10]],
    ]);
  });

  it('keeps an empty sequence, which still counts in the support base', () => {
    expect(parseSpmfSequences('-2\n1 -1 -2\n')).toEqual([[], [[1]]]);
  });

  it('names the line of a bad token', () => {
    expect(() => parseSpmfSequences('1 -1 -2\n1 <2> -1 -2\n')).toThrow(/line 2/);
    expect(() => parseSpmfSequences('1 -3 -2\n')).toThrow(/line 1/);
  });
});
