// The `centric` command line. Every verb works whether or not a server holds the store; query
// verbs take --json; errors are one line on stderr and a non-zero exit code.

import { FORMATS, IMPORT_KINDS, type ImportFormat, type ImportKind } from '@centric/importers';
import { ConfigError, type ConfigOverrides, loadConfig, startServer } from '@centric/server';
import { Command, InvalidArgumentError } from 'commander';
import { registerCustomerCommands } from './commands/customer.command';
import { registerCustomerAnalyticsCommands } from './commands/customer-analytics.command';
import { formatImportSummary, importCommand } from './commands/import.command';
import { formatIngestSummary, ingestFile } from './commands/ingest.command';
import { registerJourneyCommands } from './commands/journeys.command';
import { registerMiningCommands } from './commands/mining.command';
import { formatOverview } from './commands/overview.command';
import { registerRecommendCommands } from './commands/recommend.command';
import { registerReportCommands } from './commands/report.command';
import { registerSearchCommands } from './commands/search.command';
import { registerSegmentCommands } from './commands/segment.command';
import { withClient } from './connect';
import { findRunningServer } from './remote-client';

const program = new Command()
  .name('centric')
  .description('Centric: customer-centricity platform for online shops')
  .option('--data <dir>', 'data directory holding the store (env CENTRIC_DATA_DIR, default ./data)')
  .showHelpAfterError();

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('a port is an integer 0..65535');
  return n;
}

function config(extra: ConfigOverrides = {}) {
  const data = program.opts<{ data?: string }>().data;
  return loadConfig(process.env, { ...(data ? { dataDir: data } : {}), ...extra });
}

const out = (text: string) => process.stdout.write(`${text}\n`);

program
  .command('start')
  .description('run the server and the dashboard')
  .option('--port <port>', 'port to listen on (env CENTRIC_PORT, default 8080)', port)
  .option('--host <host>', 'address to bind (env CENTRIC_HOST, default 127.0.0.1)')
  .option('--no-demo', 'start with an empty project instead of loading the demo data')
  .action(async (opts: { port?: number; host?: string; demo: boolean }) => {
    const cfg = config({
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(opts.host ? { host: opts.host } : {}),
      ...(opts.demo === false ? { loadDemo: false } : {}),
    });
    const running = await findRunningServer(cfg.dataDir);
    if (running)
      throw new Error(`a Centric server already runs on this store at ${running.url} (pid ${running.pid})`);
    const server = await startServer(cfg);
    out(
      [
        '',
        `Centric is running at ${server.url}`,
        `  dashboard   ${server.url}/   (sign in with the secret key)`,
        `  API docs    ${server.url}/docs`,
        `  project     ${server.project.name} (${server.project.id})${server.firstRun ? ' — created now' : ''}`,
        `  write key   ${server.keys.writeKey}`,
        `  secret key  ${server.keys.secretKey}`,
        `  store       ${cfg.dbFile}`,
        '',
      ].join('\n'),
    );
  });

program
  .command('keys')
  .description('show the default project’s keys')
  .option('--json', 'machine-readable output')
  .action(async (opts: { json?: boolean }) => {
    const keys = await withClient(config(), (c) => c.keys());
    out(
      opts.json
        ? JSON.stringify(keys)
        : `project    ${keys.projectId}\nwrite key  ${keys.writeKey}\nsecret key ${keys.secretKey}`,
    );
  });

program
  .command('ingest')
  .description('ingest NDJSON events (one Segment-format message per line)')
  .argument('<file>', 'NDJSON file')
  .option('--json', 'machine-readable summary')
  .action(async (file: string, opts: { json?: boolean }) => {
    const summary = await withClient(config(), (c) => ingestFile(c, file, { progress: !opts.json }));
    out(opts.json ? JSON.stringify(summary) : formatIngestSummary(summary));
  });

program
  .command('import')
  .description('import a shop export: products, orders, customers or events')
  .argument('<kind>', IMPORT_KINDS.join(' | '))
  .argument('<file>', 'the file (CSV, TSV, XML feed or NDJSON; UTF-8 or Windows-1252)')
  .option('--format <format>', `file format: ${[...new Set(Object.values(FORMATS).flat())].join(' | ')}`)
  .option('--strict', 'import nothing if any row is bad')
  .option(
    '--json',
    'machine-readable report: {"read","imported","duplicates","rejected":[{"line","reason"}]}',
  )
  .action(async (kind: string, file: string, opts: { format?: string; strict?: boolean; json?: boolean }) => {
    if (!(IMPORT_KINDS as readonly string[]).includes(kind))
      throw new Error(`unknown kind "${kind}"; use one of ${IMPORT_KINDS.join(', ')}`);
    const summary = await withClient(config(), (c) =>
      importCommand(
        c,
        {
          kind: kind as ImportKind,
          file,
          format: opts.format as ImportFormat | undefined,
          strict: opts.strict ?? false,
        },
        { progress: !opts.json, trace: process.env.CENTRIC_IMPORT_TRACE === '1' },
      ),
    );
    out(opts.json ? JSON.stringify(summary) : formatImportSummary(summary));
    if (summary.aborted) process.exitCode = 1;
  });

program
  .command('demo')
  .description(
    'load the demo data (real UCI Online Retail orders; simulated browsing around them) into the default project',
  )
  .option('--json', 'machine-readable report')
  .action(async (opts: { json?: boolean }) => {
    const report = await withClient(config(), (c) => c.loadDemo());
    out(
      opts.json
        ? JSON.stringify(report)
        : `demo loaded in ${(report.ms / 1000).toFixed(1)} s: ${report.products} products, ${report.customers} customers, ${report.orders} real orders (dates moved forward ${report.shiftWeeks} weeks), ${report.simulatedEvents} simulated browsing events`,
    );
  });

registerCustomerCommands(program, { withClient: (use) => withClient(config(), use), out });
registerSegmentCommands(program, { withClient: (use) => withClient(config(), use), out });
registerRecommendCommands(program, {
  withRecommend: (use) => withClient(config(), (c) => use(c.recommendations())),
  out,
});
registerSearchCommands(program, { withSearch: (use) => withClient(config(), (c) => use(c.search())), out });
registerReportCommands(program, {
  withReports: (use) => withClient(config(), (c) => use(c.reports(config()))),
  out,
});

const query = program.command('query').description('query analyses');
query
  .command('overview')
  .description('the Overview KPIs')
  .option('--from <day>', 'first day YYYY-MM-DD (UTC), default 30 days ago')
  .option('--to <day>', 'last day YYYY-MM-DD (UTC), default today')
  .option('--json', 'machine-readable output')
  .action(async (opts: { from?: string; to?: string; json?: boolean }) => {
    const overview = await withClient(config(), (c) => c.overview({ from: opts.from, to: opts.to }));
    out(opts.json ? JSON.stringify(overview) : formatOverview(overview));
  });
registerCustomerAnalyticsCommands(query, { withClient: (use) => withClient(config(), use), out });
registerJourneyCommands(query, {
  withJourneys: (use) => withClient(config(), (c) => use(c.journeys())),
  out,
});
registerMiningCommands(program, query, { withClient: (use) => withClient(config(), use), out });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`centric: ${message.split('\n')[0]}\n`);
  process.exit(1);
}
