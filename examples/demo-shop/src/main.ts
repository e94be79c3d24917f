// `npm run demo-shop`: one command from the repository root that finds the Centric server running
// on ./data (its server.json) or starts one (`centric start`, which loads the demo data on first
// start), sets the project up for the shop (slots, triggers, product feed; public admin API),
// then starts the shop and prints its URL. Ctrl-C stops the shop and the Centric it started.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Catalogue } from './catalogue';
import {
  type CentricAdmin,
  CentricApiError,
  ensureSlots,
  ensureTriggers,
  importProductFeed,
  projectKeys,
  setDwellSeconds,
  shopTriggers,
} from './centric-setup';
import { productFeedCsv } from './product-feed';
import { startShop } from './shop-server';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const HELP = `Usage: npm run demo-shop -- [options]

  --port N            port of the shop (env SHOP_PORT, default 3000)
  --host ADDR         address of the shop (default 127.0.0.1)
  --data DIR          Centric's data directory (env CENTRIC_DATA_DIR, default ./data)
  --centric-port N    port for a Centric this command starts (default 8080)
  --centric URL       use the Centric at URL instead of the one on --data
  --secret-key KEY    that Centric's secret key (env CENTRIC_SECRET_KEY)
  --dwell-seconds N   seconds on a product page before the discount pop-in (default 15)
  --catalogue FILE    the shop's products (default demo/data/products.csv.gz)
`;

interface ServerFile {
  pid: number;
  url: string;
  adminToken: string;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

/** The Centric this command started, stopped with it. */
let child: ChildProcess | null = null;

/** The Centric server that holds DIR, if its server.json names a live one. */
async function runningCentric(dataDir: string): Promise<ServerFile | null> {
  let info: ServerFile;
  try {
    info = JSON.parse(readFileSync(join(dataDir, 'server.json'), 'utf8')) as ServerFile;
  } catch {
    return null;
  }
  try {
    const res = await fetch(`${info.url}/health`, { signal: AbortSignal.timeout(3000) });
    const body = (await res.json()) as { pid?: number };
    return res.ok && body.pid === info.pid ? info : null;
  } catch {
    return null;
  }
}

function startCentric(dataDir: string, port: number): ChildProcess {
  const bin = join(REPO_ROOT, 'node_modules/.bin/centric');
  const args = ['start', '--data', dataDir, '--port', String(port)];
  const child = existsSync(bin)
    ? spawn(process.execPath, [bin, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('npx', ['centric', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const relay = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) =>
    stream?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) out.write(`[centric] ${line}\n`);
    });
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  return child;
}

async function waitForCentric(dataDir: string, child: ChildProcess): Promise<ServerFile> {
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? 1;
  });
  // First start loads the demo data: allow for a slow, busy machine.
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (exited !== null)
      throw new Error(`Centric stopped while starting (exit code ${exited}); see its log above`);
    const found = await runningCentric(dataDir);
    if (found && found.pid === child.pid) return found;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('Centric did not start within 15 minutes');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'centric-port': { type: 'string' },
      centric: { type: 'string' },
      'secret-key': { type: 'string' },
      'dwell-seconds': { type: 'string' },
      catalogue: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void process.stdout.write(HELP);
  const integer = (raw: string | undefined, name: string, fallback: number) => {
    const n = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 65535)
      throw new Error(`${name} must be an integer 0..65535, got "${raw}"`);
    return n;
  };
  const shopPort = integer(values.port ?? process.env.SHOP_PORT, '--port', 3000);
  const centricPort = integer(values['centric-port'], '--centric-port', 8080);
  const dwellSeconds = integer(values['dwell-seconds'], '--dwell-seconds', 15);
  const dataDir = resolve(REPO_ROOT, values.data ?? process.env.CENTRIC_DATA_DIR ?? './data');
  const catalogue = Catalogue.load(values.catalogue ?? join(REPO_ROOT, 'demo/data/products.csv.gz'));

  let admin: CentricAdmin;
  if (values.centric) {
    const key = values['secret-key'] ?? process.env.CENTRIC_SECRET_KEY;
    if (!key)
      throw new Error('--centric needs the project’s secret key: --secret-key KEY or CENTRIC_SECRET_KEY');
    admin = { url: values.centric.replace(/\/$/, ''), key };
  } else {
    let server = await runningCentric(dataDir);
    if (server) log(`Using the Centric server running at ${server.url} (pid ${server.pid}).`);
    else {
      log(`Starting Centric on ${dataDir} (the first start loads the demo data; this takes a minute)…`);
      child = startCentric(dataDir, centricPort);
      server = await waitForCentric(dataDir, child);
    }
    admin = { url: server.url, key: server.adminToken };
  }

  const keys = await projectKeys(admin);
  const shop = await startShop({
    catalogue,
    centricUrl: admin.url,
    writeKey: keys.writeKey,
    port: shopPort,
    host: values.host ?? '127.0.0.1',
  }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE'
      ? new Error(`port ${shopPort} is in use: pick another with --port N`)
      : error;
  });
  const stop = async () => {
    await shop.close().catch(() => undefined);
    if (child && child.exitCode === null) {
      child.kill('SIGINT');
      await new Promise((r) => child?.once('exit', r));
    }
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const slots = await ensureSlots(admin);
  let triggers: string[] = [];
  try {
    triggers = await ensureTriggers(admin, shopTriggers({ dwellSeconds }));
    // An explicit --dwell-seconds also changes a pop-in made by an earlier run.
    if (values['dwell-seconds'] !== undefined && (await setDwellSeconds(admin, dwellSeconds)))
      log(`The dwell pop-in now shows after ${dwellSeconds} s.`);
  } catch (error) {
    if (!(error instanceof CentricApiError && error.status === 404)) throw error;
    log('This Centric has no on-site triggers API (/v1/triggers): pop-ins and social proof stay off.');
  }
  const feed = await importProductFeed(admin, productFeedCsv(catalogue, shop.url));
  const dashboard = await fetch(`${admin.url}/`, { headers: { accept: 'text/html' } }).then(
    (res) => res.ok,
    () => false,
  );
  log(
    [
      '',
      `Demo shop running at ${shop.url}`,
      dashboard
        ? `  Centric     ${admin.url}   (the dashboard: sign in with the secret key)`
        : `  Centric     ${admin.url}   (dashboard not built: npm run build --workspace @centric/dashboard)`,
      `  write key   ${keys.writeKey}`,
      `  secret key  ${keys.secretKey}`,
      `  catalogue   ${catalogue.products.length} products; feed sent to Centric (${feed.imported} new or changed)`,
      `  set up      ${slots.length ? `slots ${slots.join(', ')}` : 'slots present'}; ${triggers.length ? `${triggers.length} triggers added` : 'triggers present'}`,
      ...(feed.imported > 0
        ? [
            '  note        Centric reads a changed feed within two minutes: until then carousels show the old titles, without pictures',
          ]
        : []),
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`demo-shop: ${error instanceof Error ? error.message : String(error)}\n`);
  if (child && child.exitCode === null) {
    child.once('exit', () => process.exit(1));
    child.kill('SIGINT');
  } else process.exit(1);
});
