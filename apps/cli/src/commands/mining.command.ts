// `centric query patterns`, `centric query associations` and `centric personas discover|list|
// segment`: the Pattern Explorer, association analysis and personas from the command line, as
// aligned tables or as JSON (--json).
import type { AssociationReport, PatternReport, PersonaReport, PersonaSegment } from '@centric/contracts';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { CentricClient } from '../centric-client';

type WithClient = <T>(use: (client: CentricClient) => Promise<T>) => Promise<T>;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number >= 1');
  return n;
}

function share(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('a share between 0 and 1, e.g. 0.01');
  return n;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));
const pValue = (p: number) => (p < 0.001 ? p.toExponential(1) : p.toFixed(3));

/** Rows as columns padded to their widest cell; numbers right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) =>
        i === cells.length - 1 ? c : /^[-\d.,%e+]+$/.test(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!),
      )
      .join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

export function formatPatterns(r: PatternReport): string {
  const head = `${r.sessionCount} sessions ${r.from} to ${r.to}, ${r.convertedCount} converted (${pct(r.conversionRate)}); ${r.vocabulary} patterns in at least ${r.minCount} sessions: ${r.patternCount}${r.truncated ? ' (search stopped at its limit)' : ''}`;
  if (r.patterns.length === 0) return `${head}\nno pattern is that frequent; lower --min-support`;
  const rows = r.patterns.map((p) => [
    String(p.support),
    pct(p.supportRatio),
    pct(p.conversionRate),
    num(p.conversionLift),
    `${p.separating ? '* ' : '  '}${p.items.join(' → ')}`,
  ]);
  const separating = r.separating.slice(0, 10).map((p) => {
    const more = p.supportDifference > 0 ? 'more' : 'less';
    return `  ${p.items.join(' → ')}: in ${pct(Math.abs(p.supportDifference))} ${more} of converting than abandoning sessions (q ${pValue(p.adjustedPValue)})`;
  });
  return [
    head,
    table(
      ['sessions', 'share', 'conversion', 'lift', '  pattern (* separates converting from abandoning)'],
      rows,
    ),
    ...(separating.length > 0 ? ['', 'Most separating:', ...separating] : []),
  ].join('\n');
}

export function formatAssociations(r: AssociationReport): string {
  const label = (values: readonly string[]) =>
    values.map((v) => (r.labels[v] ? `${r.labels[v]} (${v})` : v)).join(' + ');
  const head = `${r.side}: ${r.basketCount} ${r.basketKind} ${r.from} to ${r.to}; pairs in at least ${r.minCount}: ${r.associationCount} associations${r.truncated ? ' (most frequent pairs only)' : ''}`;
  if (r.associations.length === 0) return `${head}\nno association is that frequent; lower --min-support`;
  const rows = r.associations.map((a) => [
    `${label(a.antecedent)} → ${label(a.consequent)}`,
    String(a.observed),
    num(a.expected),
    `${num(a.surpriseFactor)}${a.direction === 'more' ? ' ▲' : a.direction === 'less' ? ' ▼' : ''}`,
    pct(a.confidence),
    num(a.lift),
    pValue(a.adjustedPValue),
  ]);
  return [
    head,
    table(['association', 'observed', 'expected', 'surprise', 'confidence', 'lift', 'q'], rows),
  ].join('\n');
}

export function formatPersonas(r: PersonaReport): string {
  if (r.personas.length === 0) return 'no personas yet; run: centric personas discover';
  const head = `${r.customerCount} customers ordering ${r.from} to ${r.to}: ${r.k} personas (silhouette ${r.silhouette.toFixed(2)}${r.candidates.length > 1 ? `; tried k = ${r.candidates.map((c) => `${c.k}: ${c.silhouette.toFixed(2)}`).join(', ')}` : ''})`;
  const personas = r.personas.map(
    (p) =>
      `${p.personaId}  ${p.name}\n  ${p.size} customers (${pct(p.share)}), ${pct(p.revenueShare)} of revenue, AOV ${num(p.averageOrderValue)}, ${num(p.revenuePerCustomer)} per customer${p.segmentId ? `, segment ${p.segmentId}` : ''}\n  ${p.description}`,
  );
  return [head, '', personas.join('\n\n')].join('\n');
}

export function registerMiningCommands(
  program: Command,
  query: Command,
  { withClient, out }: { withClient: WithClient; out: (text: string) => void },
): void {
  query
    .command('patterns')
    .description(
      'Pattern Explorer: frequent ordered patterns in sessions, their conversion, and what separates converting sessions',
    )
    .option('--from <day>', 'first day YYYY-MM-DD (UTC), default 30 days ago')
    .option('--to <day>', 'last day YYYY-MM-DD (UTC), default today')
    .addOption(
      new Option('--vocabulary <kind>', 'what the actions are')
        .choices(['event', 'page_type', 'category'])
        .default('event'),
    )
    .option('--min-support <share>', 'share of sessions containing a pattern (default 0.01)', share)
    .option('--max-length <n>', 'longest pattern (default 4)', positiveInt)
    .option('--segment <id>', 'only sessions of this segment’s members')
    .option('--items <list>', 'comma-separated actions to mine; others are dropped')
    .option('--limit <n>', 'patterns listed (default 50)', positiveInt)
    .option('--json', 'machine-readable output')
    .action(
      async (opts: {
        from?: string;
        to?: string;
        vocabulary: 'event' | 'page_type' | 'category';
        minSupport?: number;
        maxLength?: number;
        segment?: string;
        items?: string;
        limit?: number;
        json?: boolean;
      }) => {
        const report = await withClient((c) =>
          c.patterns({
            from: opts.from,
            to: opts.to,
            vocabulary: opts.vocabulary,
            minSupport: opts.minSupport,
            maxLength: opts.maxLength,
            segmentId: opts.segment,
            items: opts.items
              ?.split(',')
              .map((s) => s.trim())
              .filter(Boolean),
            limit: opts.limit ?? (opts.json ? 200 : 50),
          }),
        );
        out(opts.json ? JSON.stringify(report) : formatPatterns(report));
      },
    );

  query
    .command('associations')
    .description('associations A → B with observed vs expected count, surprise factor and significance')
    .addOption(
      new Option('--side <side>', 'which two things')
        .choices([
          'bought_together',
          'viewed_together',
          'search_to_product',
          'channel_to_category',
          'segment_to_product',
        ])
        .default('bought_together'),
    )
    .option('--from <day>', 'first day YYYY-MM-DD (UTC), default 90 days ago')
    .option('--to <day>', 'last day YYYY-MM-DD (UTC), default today')
    .option('--min-support <share>', 'share of baskets holding a pair (default 0.001)', share)
    .option('--min-confidence <share>', 'smallest P(B | A) (default 0)', share)
    .addOption(
      new Option('--sort <order>', 'list order')
        .choices(['significance', 'surprise', 'support', 'confidence'])
        .default('significance'),
    )
    .option('--limit <n>', 'associations listed (default 30)', positiveInt)
    .option('--json', 'machine-readable output')
    .action(
      async (opts: {
        side:
          | 'bought_together'
          | 'viewed_together'
          | 'search_to_product'
          | 'channel_to_category'
          | 'segment_to_product';
        from?: string;
        to?: string;
        minSupport?: number;
        minConfidence?: number;
        sort: 'significance' | 'surprise' | 'support' | 'confidence';
        limit?: number;
        json?: boolean;
      }) => {
        const report = await withClient((c) =>
          c.associations({
            side: opts.side,
            from: opts.from,
            to: opts.to,
            minSupport: opts.minSupport,
            minConfidence: opts.minConfidence,
            sort: opts.sort,
            limit: opts.limit ?? (opts.json ? 100 : 30),
          }),
        );
        out(opts.json ? JSON.stringify(report) : formatAssociations(report));
      },
    );

  const personas = program
    .command('personas')
    .description('personas: customers clustered on behaviour and value');
  personas
    .command('discover')
    .description(
      'cluster the customers into personas (k by silhouette unless --k), each described by what sets it apart',
    )
    .option('--k <n>', 'a fixed number of personas', positiveInt)
    .option('--k-min <n>', 'smallest k tried (default 2)', positiveInt)
    .option('--k-max <n>', 'largest k tried (default 8)', positiveInt)
    .option('--from <day>', 'first day of the orders looked at (default 365 days ago)')
    .option('--to <day>', 'last day (default today)')
    .option('--json', 'machine-readable output')
    .action(
      async (opts: {
        k?: number;
        kMin?: number;
        kMax?: number;
        from?: string;
        to?: string;
        json?: boolean;
      }) => {
        const report = await withClient((c) =>
          c.discoverPersonas({
            ...(opts.k !== undefined ? { k: opts.k } : {}),
            ...(opts.kMin !== undefined ? { kMin: opts.kMin } : {}),
            ...(opts.kMax !== undefined ? { kMax: opts.kMax } : {}),
            ...(opts.from ? { from: opts.from } : {}),
            ...(opts.to ? { to: opts.to } : {}),
          }),
        );
        out(opts.json ? JSON.stringify(report) : formatPersonas(report));
      },
    );
  personas
    .command('list')
    .description('the personas of the latest discovery')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const report = await withClient((c) => c.latestPersonas());
      out(opts.json ? JSON.stringify(report) : formatPersonas(report));
    });
  personas
    .command('segment')
    .description('save a persona as a segment usable everywhere segments are')
    .argument('<id>', 'persona id (per_...)')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean }) => {
      const made: PersonaSegment = await withClient((c) => c.personaSegment(id));
      out(
        opts.json
          ? JSON.stringify(made)
          : `segment ${made.segment.segmentId} "${made.segment.name}": ${made.members} profiles now`,
      );
    });
}
