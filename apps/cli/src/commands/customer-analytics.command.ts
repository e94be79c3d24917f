// `centric query kpis` and `centric query retention`: customer KPIs per period and the retention
// matrix of cohorts, as tables with each KPI's definition under them, or as JSON (--json).
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { CentricClient, CustomerKpiReport, RetentionReport } from '../centric-client';

type WithClient = <T>(use: (client: CentricClient) => Promise<T>) => Promise<T>;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number >= 1');
  return n;
}

export function registerCustomerAnalyticsCommands(
  query: Command,
  { withClient, out }: { withClient: WithClient; out: (text: string) => void },
): void {
  query
    .command('kpis')
    .description(
      'customer KPIs: retention rate (CRR), churn, returning-customer revenue, repurchase, AOV ...',
    )
    .option('--from <day>', 'first day YYYY-MM-DD (UTC), default 30 days ago')
    .option('--to <day>', 'last day YYYY-MM-DD (UTC), default today')
    .addOption(new Option('--period <period>', 'one row per week or month').choices(['week', 'month']))
    .option('--segment <id>', 'only members of this segment')
    .option('--lifecycle-stage <stage>', 'only customers in this lifecycle stage (new, active, at risk ...)')
    .option(
      '--activity-window <days>',
      'days in which a customer must have ordered to be active (default 365)',
      positiveInt,
    )
    .option('--json', 'machine-readable output')
    .action(
      async (opts: {
        from?: string;
        to?: string;
        period?: 'week' | 'month';
        segment?: string;
        lifecycleStage?: string;
        activityWindow?: number;
        json?: boolean;
      }) => {
        const report = await withClient((c) =>
          c.customerKpis({
            from: opts.from,
            to: opts.to,
            period: opts.period,
            segmentId: opts.segment,
            lifecycleStage: opts.lifecycleStage,
            activityWindowDays: opts.activityWindow,
          }),
        );
        out(opts.json ? JSON.stringify(report) : formatCustomerKpis(report));
      },
    );

  query
    .command('retention')
    .description('retention matrix of customer cohorts (share of each cohort active k periods later)')
    .addOption(
      new Option('--by <basis>', 'what starts a cohort')
        .choices(['first_order', 'first_visit', 'segment_entry'])
        .default('first_order'),
    )
    .addOption(
      new Option('--activity <activity>', 'what counts as active')
        .choices(['order', 'visit'])
        .default('order'),
    )
    .addOption(
      new Option('--period <period>', 'cohort unit').choices(['day', 'week', 'month']).default('month'),
    )
    .option('--from <day>', 'first day in which cohorts start (default: --periods periods ago)')
    .option('--to <day>', 'last day in which cohorts start (default today)')
    .option('--periods <n>', 'offsets shown (default 12)', positiveInt)
    .option('--segment <id>', 'the segment entered (--by segment_entry), else only its members')
    .option('--compare-segment <id>', 'compare with the matrix of this segment')
    .option('--json', 'machine-readable output')
    .action(
      async (opts: {
        by: 'first_order' | 'first_visit' | 'segment_entry';
        activity: 'order' | 'visit';
        period: 'day' | 'week' | 'month';
        from?: string;
        to?: string;
        periods?: number;
        segment?: string;
        compareSegment?: string;
        json?: boolean;
      }) => {
        const report = await withClient((c) =>
          c.retention({
            cohortBy: opts.by,
            activity: opts.activity,
            period: opts.period,
            from: opts.from,
            to: opts.to,
            periods: opts.periods,
            segmentId: opts.segment,
            compareSegmentId: opts.compareSegment,
          }),
        );
        out(opts.json ? JSON.stringify(report) : formatRetention(report));
      },
    );
}

const pct = (v: number | null) => (v === null ? '-' : `${v.toFixed(1)}%`);
const money = (v: number | null) => (v === null ? '-' : v.toFixed(2));

/** Rows of cells as aligned columns: the first left-aligned, the others right-aligned. */
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  return rows
    .map((r) =>
      r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
    )
    .join('\n');
}

const KPI_COLUMNS = [
  ['retentionRate', 'CRR', pct],
  ['churnRate', 'churn', pct],
  ['newCustomers', 'new', String],
  ['returningCustomers', 'returning', String],
  ['returningCustomerRevenue', 'returning rev.', money],
  ['repurchaseRate', 'repurchase', pct],
  ['averageOrderValue', 'AOV', money],
  ['conversionRate', 'conversion', pct],
  ['cartAbandonmentRate', 'cart aband.', pct],
] as const;

export function formatCustomerKpis(r: CustomerKpiReport): string {
  const filters = [
    r.segmentId ? `segment ${r.segmentId}` : null,
    r.lifecycleStage ? `lifecycle stage ${r.lifecycleStage}` : null,
  ].filter(Boolean);
  const rows: string[][] = [
    ['period', ...KPI_COLUMNS.map(([, label]) => label)],
    ...r.periods.map((p) => [
      p.from === p.to ? p.from : `${p.from}..${p.to}`,
      ...KPI_COLUMNS.map(([key, , show]) => (show as (v: number | null) => string)(p[key])),
    ]),
  ];
  const definitions = KPI_COLUMNS.map(([key, label]) => `  ${label}: ${r.definitions[key]}`);
  return [
    `customer KPIs ${r.from} .. ${r.to}${filters.length ? ` (${filters.join(', ')})` : ''}`,
    '',
    table(rows),
    '',
    'definitions',
    `  ${r.definitions.customer}`,
    `  ${r.definitions.activeCustomer}`,
    ...definitions,
  ].join('\n');
}

function matrixTable(m: RetentionReport['matrix']): string {
  const offsets = Array.from({ length: m.periods }, (_, k) => `+${k}`);
  return table([
    ['cohort', 'size', ...offsets],
    ...m.cohorts.map((c) => [c.cohort, String(c.size), ...c.rates.map(pct)]),
    ['average', '', ...m.average.map(pct)],
  ]);
}

export function formatRetention(r: RetentionReport): string {
  const lines = [
    `retention by ${r.matrix.cohortBy.replace('_', ' ')}, cohorts starting ${r.from} .. ${r.to}${r.segmentId ? ` (segment ${r.segmentId})` : ''}`,
    '',
    matrixTable(r.matrix),
  ];
  if (r.comparison) {
    const c = r.comparison;
    lines.push(
      '',
      `compared: ${c.labels.b}`,
      '',
      matrixTable(c.matrix),
      '',
      table([
        ['', ...c.average.difference.map((_, k) => `+${k}`)],
        [
          `${c.labels.b} − ${c.labels.a} (points)`,
          ...c.average.difference.map((v) => (v === null ? '-' : v.toFixed(1))),
        ],
      ]),
    );
  }
  lines.push('', r.matrix.definition);
  return lines.join('\n');
}
