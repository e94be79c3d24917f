// `centric query journeys|paths|funnel|journey-phases`: where sessions enter and how they end,
// their paths step by step, ad-hoc funnels and the journey-phase funnel, as tables or as JSON
// (--json, the API's answer).
import type { FunnelBreakdown, FunnelEntity, PathGrouping } from '@centric/contracts';
import type { FunnelReportResponse, JourneysReport, PathsReport, PhaseFunnelReport } from '@centric/server';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { JourneyClient } from '../journey-client';

type WithJourneys = <T>(use: (client: JourneyClient) => Promise<T>) => Promise<T>;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number >= 1');
  return n;
}

interface ScopeOptions {
  from?: string;
  to?: string;
  segment?: string;
  profiles?: string;
  json?: boolean;
}
interface CompareOptions {
  compareFrom?: string;
  compareTo?: string;
  compareSegment?: string;
}
interface FunnelOptions {
  window?: string;
  per?: FunnelEntity;
  breakdown?: FunnelBreakdown;
  comparePrevious?: boolean;
}

/** The options every journey verb takes. */
function scoped(command: Command): Command {
  return command
    .option('--from <day>', 'first day YYYY-MM-DD (UTC), default 30 days ago')
    .option('--to <day>', 'last day YYYY-MM-DD (UTC), default today')
    .option('--segment <id>', 'only sessions of current members of this segment')
    .option('--profiles <ids>', 'only sessions of these profiles (comma-separated)')
    .option('--json', 'machine-readable output');
}
function comparing(command: Command): Command {
  return command
    .option('--compare-from <day>', 'first day of a second period shown beside the first')
    .option('--compare-to <day>', 'last day of the second period')
    .option('--compare-segment <id>', "a second segment shown beside the first ('all' for every session)");
}
function funnelOptions(command: Command, defaultPer: FunnelEntity): Command {
  return command
    .option('--window <span>', 'conversion window: 30m, 24h, 7d')
    .addOption(
      new Option('--per <entity>', 'follow one visit or a customer across visits')
        .choices(['session', 'profile'])
        .default(defaultPer),
    )
    .addOption(
      new Option('--breakdown <dimension>', 'split entrants').choices([
        'marketing_channel',
        'channel',
        'category',
      ]),
    )
    .option('--compare-previous', 'also run the funnel over the period just before');
}

const scope = (o: ScopeOptions) => ({
  from: o.from,
  to: o.to,
  segmentId: o.segment,
  profileIds: o.profiles?.split(',').filter((p) => p.trim() !== ''),
});
const compare = (o: CompareOptions) => ({
  compareFrom: o.compareFrom,
  compareTo: o.compareTo,
  compareSegmentId: o.compareSegment,
});
const funnel = (o: FunnelOptions) => ({
  window: o.window,
  entity: o.per,
  breakdown: o.breakdown,
  comparePrevious: o.comparePrevious,
});

export function registerJourneyCommands(
  query: Command,
  { withJourneys, out }: { withJourneys: WithJourneys; out: (text: string) => void },
): void {
  comparing(scoped(query.command('journeys')))
    .description(
      'where sessions enter (marketing channel, landing page), how they end, search terms, viewed products',
    )
    .option('--limit <n>', 'rows of terms, products and categories (default 10)', positiveInt)
    .action(async (o: ScopeOptions & CompareOptions & { limit?: number }) => {
      const report = await withJourneys((c) => c.journeys({ ...scope(o), ...compare(o), limit: o.limit }));
      out(o.json ? JSON.stringify(report) : formatJourneys(report));
    });

  comparing(scoped(query.command('paths')))
    .description('paths of sessions step by step (the data of the Sankey diagram)')
    .addOption(
      new Option('--group-by <grouping>', 'name steps by')
        .choices(['event', 'page_type', 'category'])
        .default('event'),
    )
    .option('--depth <n>', 'steps per path (default 5)', positiveInt)
    .option('--start-at <step>', 'paths from the first time a session takes this step')
    .option('--end-at <step>', 'paths to the first time a session takes this step')
    .option('--collapse', 'merge repeats of a step in a row')
    .action(
      async (
        o: ScopeOptions &
          CompareOptions & {
            groupBy: PathGrouping;
            depth?: number;
            startAt?: string;
            endAt?: string;
            collapse?: boolean;
          },
      ) => {
        const report = await withJourneys((c) =>
          c.paths({
            ...scope(o),
            ...compare(o),
            groupBy: o.groupBy,
            depth: o.depth,
            startAt: o.startAt,
            endAt: o.endAt,
            collapse: o.collapse,
          }),
        );
        out(o.json ? JSON.stringify(report) : formatPaths(report));
      },
    );

  funnelOptions(scoped(query.command('funnel')), 'session')
    .description(
      'an ordered funnel: --steps "Product Viewed,Product Added to Wishlist?,Product Added,Order Completed"',
    )
    .requiredOption(
      '--steps <steps>',
      'comma-separated: event names, page:<type>, category:<name> or *; A|B for either; a trailing ? makes a step optional',
    )
    .action(async (o: ScopeOptions & FunnelOptions & { steps: string }) => {
      const report = await withJourneys((c) => c.funnel({ ...scope(o), ...funnel(o), steps: o.steps }));
      out(o.json ? JSON.stringify(report) : formatFunnel(report));
    });

  funnelOptions(scoped(query.command('journey-phases')), 'profile')
    .description(
      'the journey-phase funnel: awareness, discovery, consideration, intent, purchase, experience, loyalty',
    )
    .action(async (o: ScopeOptions & FunnelOptions) => {
      const report = await withJourneys((c) => c.phases({ ...scope(o), ...funnel(o) }));
      out(o.json ? JSON.stringify(report) : formatPhases(report));
    });
}

const pct = (v: number | null) => (v === null ? '-' : `${v.toFixed(1)}%`);

/** A duration in milliseconds, roughly: 45s, 12m 5s, 3h 20m, 2d 4h. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

/** Rows of cells as aligned columns: the first left-aligned, the others right-aligned. */
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  return rows
    .map((r) =>
      r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
    )
    .join('\n');
}

const heading = (r: { from: string; to: string; segmentId: string | null }) =>
  `${r.from} .. ${r.to}${r.segmentId ? ` (segment ${r.segmentId})` : ''}`;

function formatSummary(r: JourneysReport): string {
  const s = r.summary;
  const lines = [
    `journeys ${heading(r)}: ${s.sessions} sessions, ${s.convertingSessions} with an order (${pct(s.conversionRate)})`,
    '',
    table([
      ['entry channel', 'sessions', 'share', 'conversion', 'bounce'],
      ...s.channels.map((c) => [
        c.label,
        String(c.sessions),
        pct(c.share),
        pct(c.conversionRate),
        pct(c.bounceRate),
      ]),
    ]),
    '',
    table([
      ['outcome', 'sessions', 'share'],
      ...s.outcomes.map((o) => [o.label, String(o.sessions), pct(o.share)]),
    ]),
    '',
    table([
      ['landing page', 'sessions', 'share', 'conversion'],
      ...s.entryPages.map((p) => [p.label, String(p.sessions), pct(p.share), pct(p.conversionRate)]),
    ]),
  ];
  if (s.searchTerms.length)
    lines.push(
      '',
      table([
        ['search term', 'searches', 'sessions', 'conversion'],
        ...s.searchTerms.map((t) => [t.term, String(t.searches), String(t.sessions), pct(t.conversionRate)]),
      ]),
    );
  if (s.products.length)
    lines.push(
      '',
      table([
        ['viewed product', 'views', 'sessions', 'to cart', 'conversion'],
        ...s.products.map((p) => [
          p.title ? `${p.title} (${p.productId})` : p.productId,
          String(p.views),
          String(p.sessions),
          pct(p.cartRate),
          pct(p.conversionRate),
        ]),
      ]),
    );
  if (s.categories.length)
    lines.push(
      '',
      table([
        ['viewed category', 'views', 'sessions', 'conversion'],
        ...s.categories.map((c) => [c.category, String(c.views), String(c.sessions), pct(c.conversionRate)]),
      ]),
    );
  return lines.join('\n');
}

export function formatJourneys(r: JourneysReport): string {
  const base = formatSummary(r);
  if (!r.comparison) return base;
  return `${base}\n\ncompared with\n${formatSummary({ ...r.comparison, comparison: null })}`;
}

function formatSankey(
  r: { from: string; to: string; segmentId: string | null },
  s: PathsReport['sankey'],
): string {
  const columns = [...new Set(s.nodes.map((n) => n.column))].sort((a, b) => a - b);
  const lines = [`paths ${heading(r)}: ${s.sessions} sessions`];
  const endWord = s.direction === 'forward' ? 'left' : 'began here';
  for (const c of columns) {
    lines.push('', `step ${c}`);
    for (const n of s.nodes.filter((x) => x.column === c))
      lines.push(
        `  ${n.label.padEnd(28)} ${String(n.sessions).padStart(7)}  ${pct(n.share).padStart(6)}  ${endWord} ${pct(n.endShare)}`,
      );
  }
  const label = new Map(s.nodes.map((n) => [n.id, n.label]));
  if (s.links.length) {
    lines.push('', 'most taken links');
    for (const l of s.links.slice(0, 15))
      lines.push(
        `  ${label.get(l.source)} -> ${label.get(l.target)}: ${l.sessions} (${pct(l.ofNode)} of the node)`,
      );
  }
  return lines.join('\n');
}

export function formatPaths(r: PathsReport): string {
  const anchor = r.startAt ? ` from "${r.startAt}"` : r.endAt ? ` to "${r.endAt}"` : '';
  const title = `grouped by ${r.groupBy.replace('_', ' ')}${anchor}, ${r.depth} steps`;
  const base = `${title}\n${formatSankey(r, r.sankey)}`;
  return r.comparison ? `${base}\n\ncompared with\n${formatSankey(r.comparison, r.comparison.sankey)}` : base;
}

export function formatFunnel(r: FunnelReportResponse): string {
  const lines = [
    `funnel ${heading(r)} per ${r.entity}, window ${r.window}: ${r.converted} of ${r.entrants} converted (${pct(r.conversionRate)}), median time ${formatDuration(r.timeToConvert?.median)}`,
    '',
    table([
      ['step', 'reached', 'from previous', 'from start', 'drop-off', 'median time'],
      ...r.steps.map((s) => [
        `${s.index + 1}. ${s.label}${s.optional ? ' (optional)' : ''}`,
        String(s.reached),
        pct(s.conversionFromPrevious),
        pct(s.conversionFromStart),
        String(s.dropOff),
        formatDuration(s.timeFromPrevious?.median),
      ]),
    ]),
  ];
  if (r.breakdown)
    lines.push(
      '',
      table([
        [r.breakdown.dimension.replace('_', ' '), 'entrants', 'converted', 'conversion', 'median time'],
        ...r.breakdown.groups.map((g) => [
          g.label,
          String(g.entrants),
          String(g.converted),
          pct(g.conversionRate),
          formatDuration(g.timeToConvert?.median),
        ]),
      ]),
    );
  if (r.previous && r.previousRange) {
    const change = r.previous.conversionRateChange;
    lines.push(
      '',
      `previous period ${r.previousRange.from} .. ${r.previousRange.to}: ${r.previous.converted} of ${r.previous.entrants} (${pct(r.previous.conversionRate)}); conversion ${change === null ? '-' : `${change >= 0 ? '+' : ''}${change.toFixed(1)} pp`}`,
    );
  }
  return lines.join('\n');
}

export function formatPhases(r: PhaseFunnelReport): string {
  const mapping = r.mapping.map(
    (m) => `  ${m.phase}${m.optional ? ' (optional)' : ''}: ${m.match.join(', ')}`,
  );
  return [
    formatFunnel(r),
    '',
    `phase mapping (${r.customMapping ? "the project's own" : 'default'})`,
    ...mapping,
  ].join('\n');
}
