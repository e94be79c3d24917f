// `centric model clv` on the public CDNOW sample, imported through the ordinary orders
// importer: the fit must give the parameters published by Fader, Hardie and Lee (2005).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(here, '../bin/centric.js');
const cdnow = resolve(here, '../../../packages/analyses/fixtures/cdnow/CDNOW_sample.txt');
const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'centric-clv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('centric model clv', () => {
  it('fits BG/NBD on the CDNOW sample to the published parameters', async () => {
    // CDNOW_sample.txt: customer id, sample id, date YYYYMMDD, CDs, dollars; one row per purchase.
    const rows = ['order_id,ordered_at,customer_id,currency,status,product_id,unit_price,quantity'];
    readFileSync(cdnow, 'utf8')
      .trim()
      .split('\n')
      .forEach((line, i) => {
        const [customer, , date, cds, dollars] = line.trim().split(/\s+/);
        const at = `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}T12:00:00Z`;
        const quantity = Math.max(1, Number(cds));
        rows.push(
          `CD${i},${at},${customer},USD,completed,cd,${(Number(dollars) / quantity).toFixed(6)},${quantity}`,
        );
      });
    const file = join(tmp, 'cdnow-orders.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const data = join(tmp, 'store');
    const env = { ...process.env, CENTRIC_LOG_LEVEL: 'silent' };
    const imported = JSON.parse(
      (await run(process.execPath, [bin, '--data', data, 'import', 'orders', file, '--json'], { env }))
        .stdout,
    );
    expect(imported).toMatchObject({ read: 6919, imported: 6919, rejected: [] });
    const { stdout } = await run(
      process.execPath,
      [bin, '--data', data, 'model', 'clv', '--until', '1997-09-30', '--json'],
      { env },
    );
    const model = JSON.parse(stdout) as {
      bgnbd: Record<string, number>;
      gammaGamma: Record<string, number>;
      customers: number;
    };
    expect(model.customers).toBe(2357);
    expect(model.bgnbd.r).toBeCloseTo(0.243, 3);
    expect(model.bgnbd.alpha).toBeCloseTo(4.414, 3);
    expect(model.bgnbd.a).toBeCloseTo(0.793, 3);
    expect(model.bgnbd.b).toBeCloseTo(2.426, 3);
    expect(model.bgnbd.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(Object.keys(model.gammaGamma).sort()).toEqual(['gamma', 'p', 'q']);
  });
});
