// Setting a Centric project up for the shop over Centric's public admin API, against a real
// server: slots, triggers and the feed are added once and left alone afterwards; and the
// `npm run demo-shop` command against a running Centric (--centric/--secret-key) starts the
// shop, serves it, and stops on SIGINT.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '@centric/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalogue } from './catalogue';
import {
  CentricApiError,
  ensureSlots,
  ensureTriggers,
  importProductFeed,
  projectKeys,
  setDwellSeconds,
  shopTriggers,
} from './centric-setup';
import { productFeedCsv } from './product-feed';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const catalogue = Catalogue.fromCsv(
  ['id,title,category,price,currency,availability', 'MUG,BIG MUG,Kitchen,4.50,GBP,in stock'].join('\n'),
);
let centric: TestServer;

beforeAll(async () => {
  centric = await startTestServer();
});
afterAll(async () => {
  await centric.stop();
});

describe('centric setup', () => {
  it('reads the keys, and adds slots, triggers and the feed only where missing', async () => {
    const admin = { url: centric.url, key: centric.keys.secretKey };
    expect(await projectKeys(admin)).toMatchObject({ writeKey: centric.keys.writeKey });
    // The project starts with Centric's default slots, which the shop's pages use.
    expect(await ensureSlots(admin)).toEqual([]);
    await fetch(`${centric.url}/v1/recommendations/slots/cart`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${admin.key}` },
    });
    expect(await ensureSlots(admin)).toEqual(['cart']);

    const triggers = shopTriggers({ dwellSeconds: 7 });
    expect(await ensureTriggers(admin, triggers)).toHaveLength(4);
    expect(await ensureTriggers(admin, triggers)).toEqual([]);
    const { triggers: saved } = await (
      await fetch(`${centric.url}/v1/triggers`, { headers: { authorization: `Bearer ${admin.key}` } })
    ).json();
    expect(saved.find((t: { kind: string }) => t.kind === 'dwell_popin')).toMatchObject({
      settings: { dwellSeconds: 7 },
      content: { couponCode: 'THISTLE10' },
      targeting: { pageTypes: ['product'] },
    });

    expect(await setDwellSeconds(admin, 7)).toBe(false);
    expect(await setDwellSeconds(admin, 3)).toBe(true);
    const { triggers: changed } = await (
      await fetch(`${centric.url}/v1/triggers`, { headers: { authorization: `Bearer ${admin.key}` } })
    ).json();
    expect(changed.find((t: { kind: string }) => t.kind === 'dwell_popin').settings.dwellSeconds).toBe(3);

    const feed = productFeedCsv(catalogue, 'http://127.0.0.1:3000');
    expect(await importProductFeed(admin, feed)).toMatchObject({ imported: 1, rejected: [] });
    expect(await importProductFeed(admin, feed)).toMatchObject({ imported: 0, duplicates: 1 });
  });

  it('says which call failed and why', async () => {
    const error = await projectKeys({ url: centric.url, key: centric.keys.writeKey }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CentricApiError);
    expect((error as CentricApiError).status).toBe(403);
    expect((error as Error).message).toMatch(/^GET \/v1\/projects\/current\/keys: 403 /);
  });
});

describe('npm run demo-shop', () => {
  function run(args: string[]) {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, output: () => out, exited };
  }

  it('starts the shop against a running Centric and stops on SIGINT', async () => {
    const shop = run(['--centric', centric.url, '--secret-key', centric.keys.secretKey, '--port', '0']);
    const deadline = Date.now() + 60_000;
    let url: string | undefined;
    while (!url && Date.now() < deadline) {
      url = /Demo shop running at (http:\/\/127\.0\.0\.1:\d+)/.exec(shop.output())?.[1];
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(url, shop.output()).toBeDefined();
    expect(shop.output()).toContain(`write key   ${centric.keys.writeKey}`);
    const home = await (await fetch(url!)).text();
    expect(home).toContain(`${centric.url}/sdk/centric.js`);
    shop.child.kill('SIGINT');
    expect(await shop.exited).toBe(0);
  });

  it('refuses --centric without a secret key, with a message', async () => {
    const shop = run(['--centric', centric.url]);
    expect(await shop.exited).toBe(1);
    expect(shop.output()).toContain('--centric needs the project’s secret key');
  });
});
