// The size budget of the tracker core, checked (and printed) on every test run: CI shows it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSdk } from '../scripts/build';

const BUDGET_GZIP_BYTES = 6144;

describe('browser SDK build', () => {
  it(`keeps the tracker core (centric.js) within ${BUDGET_GZIP_BYTES} bytes gzipped`, async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'centric-sdk-build-'));
    try {
      const report = await buildSdk({ outDir });
      for (const f of report.files)
        console.log(`sdk size: ${f.file} ${f.gzipBytes} B gzipped (${f.bytes} B raw)`);
      const tracker = report.files.find((f) => f.file === 'centric.js')!;
      expect(tracker.gzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
      expect(report.files.map((f) => f.file)).toEqual(
        expect.arrayContaining(['centric.js', 'centric.esm.js']),
      );
      // The ESM build exports the API; the script-tag build sets the global.
      expect(readFileSync(join(outDir, 'centric.esm.js'), 'utf8')).toMatch(/export\s*\{[^}]*\bcentric\b/);
      expect(readFileSync(join(outDir, 'centric.js'), 'utf8')).toContain('.centric=');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
