// bench/sdk-size: builds the browser SDK and prints the size of each bundle, gzipped (level 9,
// as the server sends it) and raw. The budget: the tracker core (centric.js) at most 6 KB
// gzipped; the widgets load lazily and are reported apart.
//   npm run bench -- sdk-size
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSdk } from '../packages/sdk/scripts/build';
import { printFigure } from './figures';

const METRICS: Record<string, string> = {
  'centric.js': 'tracker',
  'centric.esm.js': 'tracker_esm',
  'centric-widgets.js': 'widgets',
};

export default async function sdkSize(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'centric-sdk-size-'));
  try {
    const report = await buildSdk({ outDir });
    for (const f of report.files) {
      const name = METRICS[f.file] ?? f.file;
      printFigure({ bench: 'sdk-size', metric: `${name}_gzip_bytes`, value: f.gzipBytes, unit: 'B' });
      printFigure({ bench: 'sdk-size', metric: `${name}_bytes`, value: f.bytes, unit: 'B' });
    }
    for (const s of report.skipped) process.stderr.write(`skipped ${s}\n`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
