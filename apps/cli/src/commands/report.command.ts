// `centric report list|analyses|create|run|send|delete`: scheduled reports from the command
// line. A report is a saved analysis with a date window, a schedule (UTC) and a delivery (e-mail
// or files); `run` exports it now as CSV, HTML or JSON, `send` delivers it now. --json on the
// verbs that answer data.
import { writeFileSync } from 'node:fs';
import {
  REPORT_FILE_FORMATS,
  REPORT_RUN_FORMATS,
  REPORT_WEEKDAYS,
  type ReportDelivery,
  type ReportInfo,
  type ReportParams,
  type ReportRunFormat,
  type ReportSchedule,
  type ReportWeekday,
} from '@centric/contracts';
import { describeSchedule } from '@centric/server';
import { type Command, InvalidArgumentError } from 'commander';
import type { ReportClient } from '../report-client';

type WithReports = <T>(use: (reports: ReportClient) => Promise<T>) => Promise<T>;

export interface ScheduleFlags {
  daily?: string;
  weekly?: string;
  monthly?: string;
  cron?: string;
}

/** --daily 06:00 | --weekly monday@06:00 | --monthly 1@06:00 | --cron "0 6 * * 1"; none: on demand. */
export function scheduleFromFlags(flags: ScheduleFlags): ReportSchedule | null {
  const given = (['daily', 'weekly', 'monthly', 'cron'] as const).filter((k) => flags[k] !== undefined);
  if (given.length > 1) throw new InvalidArgumentError(`choose one schedule, not --${given.join(' and --')}`);
  if (flags.daily !== undefined) return { every: 'day', at: flags.daily };
  if (flags.cron !== undefined) return { cron: flags.cron };
  if (flags.weekly !== undefined) {
    const [day, at] = flags.weekly.toLowerCase().split('@');
    const weekday = REPORT_WEEKDAYS.find((d) => d === day || d.slice(0, 3) === day);
    if (!weekday || !at) throw new InvalidArgumentError('--weekly takes WEEKDAY@HH:MM, e.g. monday@06:00');
    return { every: 'week', weekday: weekday as ReportWeekday, at };
  }
  if (flags.monthly !== undefined) {
    const [day, at] = flags.monthly.split('@');
    if (!day || !/^\d{1,2}$/.test(day) || !at)
      throw new InvalidArgumentError('--monthly takes DAY@HH:MM, e.g. 1@06:00 (31 = the last day)');
    return { every: 'month', day: Number(day), at };
  }
  return null;
}

export interface DeliveryFlags {
  email?: string;
  subject?: string;
  file?: string;
  fileFormat?: string;
}

/** --email a@x,b@y [--subject S] | --file DIR [--file-format html|csv] */
export function deliveryFromFlags(flags: DeliveryFlags): ReportDelivery {
  if ((flags.email === undefined) === (flags.file === undefined))
    throw new InvalidArgumentError('deliver by --email ADDRESSES or to --file DIR (one of them)');
  if (flags.email !== undefined) {
    const to = flags.email
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    return { email: { to, ...(flags.subject ? { subject: flags.subject } : {}) } };
  }
  const format = flags.fileFormat ?? 'html';
  if (!(REPORT_FILE_FORMATS as readonly string[]).includes(format))
    throw new InvalidArgumentError(`--file-format is ${REPORT_FILE_FORMATS.join(' or ')}`);
  return { file: { dir: flags.file ?? '.', format: format as 'html' | 'csv' } };
}

function deliveryText(delivery: ReportDelivery): string {
  return 'email' in delivery
    ? `e-mail to ${delivery.email.to.join(', ')}`
    : `${delivery.file.format} files in ${delivery.file.dir}`;
}

/** Saved reports, one block each: what, when, where, and how the last run went. */
export function formatReports(list: readonly ReportInfo[]): string {
  if (list.length === 0)
    return 'no reports yet; make one with: centric report create NAME --analysis overview ...';
  return list
    .map((r) =>
      [
        `${r.reportId}  ${r.name}`,
        `  ${r.analysis} (${r.params.window ?? 'last_30_days'}), ${describeSchedule(r.schedule)}, ${deliveryText(r.delivery)}`,
        `  next ${r.nextRunAt ?? '-'}  last ${r.lastRunAt ?? '-'}${r.lastError ? `  FAILED: ${r.lastError}` : ''}`,
      ].join('\n'),
    )
    .join('\n');
}

function integerOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 36) throw new InvalidArgumentError('a number of periods is 1..36');
  return n;
}

export function registerReportCommands(
  program: Command,
  { withReports, out }: { withReports: WithReports; out: (text: string) => void },
): void {
  const report = program
    .command('report')
    .description('scheduled reports: a saved analysis e-mailed or written to a file on a schedule (UTC)');

  report
    .command('list')
    .description('the saved reports of the default project')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const list = await withReports((r) => r.list());
      out(opts.json ? JSON.stringify(list) : formatReports(list));
    });

  report
    .command('analyses')
    .description('what a report can run, and the date windows')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const catalog = await withReports((r) => r.catalog());
      if (opts.json) return out(JSON.stringify(catalog));
      out(
        [
          ...catalog.analyses.map((a) => `${a.id.padEnd(16)} ${a.description}`),
          '',
          `windows: last_N_days, ${catalog.windows.join(', ')}`,
          `e-mail: ${catalog.email ? 'set up' : 'off (set CENTRIC_SMTP_URL)'}`,
        ].join('\n'),
      );
    });

  report
    .command('create')
    .description(
      'save a report; e.g. create "Weekly KPIs" --analysis customer_kpis --period week --weekly monday@06:00 --email cx@shop.example',
    )
    .argument('<name>', 'a name for people; also the start of file names')
    .requiredOption('--analysis <id>', 'overview, customer_kpis, retention ... (centric report analyses)')
    .option(
      '--window <window>',
      'date range relative to each run: last_7_days, last_full_month ... (default last_30_days)',
    )
    .option('--segment <id>', 'only this segment’s customers (where the analysis takes one)')
    .option('--period <period>', 'day, week or month (where the analysis takes one)')
    .option('--periods <n>', 'number of periods (retention)', integerOption)
    .option('--daily <HH:MM>', 'every day at this time (UTC)')
    .option('--weekly <DAY@HH:MM>', 'every week, e.g. monday@06:00')
    .option('--monthly <D@HH:MM>', 'every month on day D (past a month’s end: its last day), e.g. 1@06:00')
    .option('--cron <expression>', 'minute hour day-of-month month day-of-week, e.g. "0 6 * * 1-5"')
    .option('--email <addresses>', 'deliver by e-mail to these comma-separated addresses')
    .option('--subject <subject>', 'e-mail subject (default: name and dates)')
    .option('--file <dir>', 'deliver as files into this directory under the server’s reports directory')
    .option('--file-format <format>', 'html (default) or csv')
    .option('--json', 'machine-readable output')
    .action(
      async (
        name: string,
        opts: ScheduleFlags &
          DeliveryFlags & {
            analysis: string;
            window?: string;
            segment?: string;
            period?: string;
            periods?: number;
            json?: boolean;
          },
      ) => {
        const params: ReportParams = {
          ...(opts.window ? { window: opts.window } : {}),
          ...(opts.segment ? { segmentId: opts.segment } : {}),
          ...(opts.period ? { period: opts.period as 'day' | 'week' | 'month' } : {}),
          ...(opts.periods ? { periods: opts.periods } : {}),
        };
        const input = {
          name,
          analysis: opts.analysis,
          params,
          schedule: scheduleFromFlags(opts),
          delivery: deliveryFromFlags(opts),
        };
        const saved = await withReports((r) => r.create(input));
        out(
          opts.json
            ? JSON.stringify(saved)
            : `created ${saved.reportId} "${saved.name}": ${describeSchedule(saved.schedule)}${saved.nextRunAt ? `, next ${saved.nextRunAt}` : ''}`,
        );
      },
    );

  report
    .command('run')
    .description('run a report now and print (or --out) it as CSV, HTML or JSON')
    .argument('<id>', 'report id (rep_...)')
    .option('--format <format>', `${REPORT_RUN_FORMATS.join(', ')} (default csv)`, 'csv')
    .option('--table <name>', 'CSV: which table (default the main one)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (id: string, opts: { format: string; table?: string; out?: string }) => {
      if (!(REPORT_RUN_FORMATS as readonly string[]).includes(opts.format))
        throw new InvalidArgumentError(`--format is one of ${REPORT_RUN_FORMATS.join(', ')}`);
      const result = await withReports((r) =>
        r.run(id, { format: opts.format as ReportRunFormat, table: opts.table }),
      );
      if (opts.out) {
        writeFileSync(opts.out, result.body, 'utf8');
        out(`wrote ${opts.out}`);
      } else process.stdout.write(result.body.endsWith('\n') ? result.body : `${result.body}\n`);
    });

  report
    .command('send')
    .description('deliver a report now (e-mail or file), outside its schedule')
    .argument('<id>', 'report id (rep_...)')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean }) => {
      const sent = await withReports((r) => r.send(id));
      if (opts.json) return out(JSON.stringify(sent));
      out(
        sent.channel === 'email'
          ? `sent to ${sent.recipients.join(', ')}${sent.images === 'svg' ? ' (charts as SVG: no font for PNG)' : ''}`
          : `wrote ${sent.files.join(', ')}`,
      );
    });

  report
    .command('delete')
    .description('delete a report and its schedule')
    .argument('<id>', 'report id (rep_...)')
    .action(async (id: string) => {
      await withReports((r) => r.remove(id));
      out(`deleted ${id}`);
    });
}
