// The gap report's CSV: header, one row per query, quoting of commas and quotes, and search terms
// that look like spreadsheet formulas defused.
import { describe, expect, it } from 'vitest';
import { noResultsCsv, noResultsFileName } from './no-results-csv';

describe('noResultsCsv', () => {
  it('writes a header and one quoted-where-needed row per query', () => {
    const report = {
      from: '2026-03-01',
      to: '2026-03-31',
      searches: 10,
      noResultSearches: 4,
      rows: [
        { query: 'zebra lamp', searches: 2, visitors: 2, lastSeen: '2026-03-02T10:00:00.000Z' },
        { query: 'sofa, "velvet"', searches: 1, visitors: 1, lastSeen: '2026-03-03T11:00:00.000Z' },
        { query: '=cmd()', searches: 1, visitors: 1, lastSeen: '2026-03-04T12:00:00.000Z' },
      ],
    };
    expect(noResultsCsv(report)).toBe(
      [
        'query,searches,visitors,last_seen',
        'zebra lamp,2,2,2026-03-02T10:00:00.000Z',
        '"sofa, ""velvet""",1,1,2026-03-03T11:00:00.000Z',
        "'=cmd(),1,1,2026-03-04T12:00:00.000Z",
        '',
      ].join('\r\n'),
    );
    expect(noResultsFileName(report)).toBe('search-no-results-2026-03-01-to-2026-03-31.csv');
  });
});
