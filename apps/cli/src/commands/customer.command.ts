// `centric customer show|export|erase ID`, `centric model clv` and `centric profiles refresh`:
// a customer by any identifier, the GDPR export and erasure, the CLV model fit.
import type { Command } from 'commander';
import type { CentricClient } from '../centric-client';

type WithClient = <T>(use: (client: CentricClient) => Promise<T>) => Promise<T>;

export function registerCustomerCommands(
  program: Command,
  { withClient, out }: { withClient: WithClient; out: (text: string) => void },
): void {
  const customer = program
    .command('customer')
    .description('one customer: 360 view, GDPR export and erasure (ID is any of their identifiers)');
  customer
    .command('show')
    .argument('<id>', 'profile id, user/customer id, anonymous id or e-mail')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean }) => {
      const view = (await withClient((c) => c.customer360(id))) as {
        profileId: string;
        identities: { kind: string; value: string }[];
        traits: Record<string, unknown> | null;
        orders: unknown[];
        timeline: unknown[];
      };
      if (opts.json) return out(JSON.stringify(view));
      const t = view.traits ?? {};
      out(
        [
          `profile     ${view.profileId}`,
          `identities  ${view.identities.map((i) => `${i.kind}:${i.value}`).join(', ')}`,
          `orders      ${view.orders.length}   revenue ${t.revenue ?? 0}   AOV ${t.averageOrderValue ?? '-'}`,
          `RFM         ${t.rfmRecency ?? '-'}${t.rfmFrequency ?? '-'}${t.rfmMonetary ?? '-'} ${t.rfmSegment ?? ''}   lifecycle ${t.lifecycleStage ?? '-'}`,
          `CLV         predicted ${t.predictedClv ?? '-'}   churn probability ${t.churnProbability ?? '-'}`,
          `timeline    ${view.timeline.length} events`,
        ].join('\n'),
      );
    });
  customer
    .command('export')
    .argument('<id>', 'any identifier of the customer')
    .description('everything held about the customer, as JSON (GDPR access request)')
    .action(async (id: string) =>
      out(JSON.stringify(await withClient((c) => c.exportCustomer(id)), null, 2)),
    );
  customer
    .command('erase')
    .argument('<id>', 'any identifier of the customer')
    .description(
      'erase the customer (events, orders, profile, identities) and verify by scanning every table',
    )
    .option('--json', 'machine-readable report')
    .action(async (id: string, opts: { json?: boolean }) => {
      const report = await withClient((c) => c.eraseCustomer(id));
      if (!report.verified) process.exitCode = 1;
      if (opts.json) return out(JSON.stringify(report));
      const deleted = Object.entries(report.deleted)
        .filter(([, n]) => n > 0)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ');
      out(
        `erased ${report.profileId}: ${deleted || 'nothing held'}; scan of every table: ${report.verified ? 'no identifier left' : `identifiers left in ${JSON.stringify(report.remaining)}`}`,
      );
    });

  program
    .command('model')
    .description('fit models on the project’s data')
    .command('clv')
    .description('fit BG/NBD and Gamma-Gamma on the orders up to a day')
    .option('--until <day>', 'last day of orders to fit on (YYYY-MM-DD), default today')
    .option(
      '--json',
      'machine-readable output: {"bgnbd":{"r","alpha","a","b","logLikelihood"},"gammaGamma":{"p","q","gamma"}}',
    )
    .action(async (opts: { until?: string; json?: boolean }) => {
      const model = await withClient((c) => c.fitClv(opts.until));
      if (opts.json) return out(JSON.stringify(model));
      const b = model.bgnbd;
      const g = model.gammaGamma;
      out(
        `BG/NBD on ${model.customers} customers up to ${model.until}: r ${b.r.toFixed(4)}, alpha ${b.alpha.toFixed(4)}, a ${b.a.toFixed(4)}, b ${b.b.toFixed(4)} (log-likelihood ${b.logLikelihood.toFixed(2)})\n` +
          (g
            ? `Gamma-Gamma: p ${g.p.toFixed(4)}, q ${g.q.toFixed(4)}, gamma ${g.gamma.toFixed(4)}`
            : 'Gamma-Gamma: no repeat customers to fit on'),
      );
    });

  program
    .command('profiles')
    .description('customer profiles')
    .command('refresh')
    .description('refresh computed traits (incremental: only profiles touched since the last refresh)')
    .option('--full', 'recompute every profile and refit the CLV models')
    .option('--json', 'machine-readable output')
    .action(async (opts: { full?: boolean; json?: boolean }) => {
      const r = await withClient((c) => c.refreshTraits(opts.full ?? false));
      out(
        opts.json
          ? JSON.stringify(r)
          : `refreshed traits of ${r.profiles} profile(s)${r.full ? ' (full)' : ''}`,
      );
    });
}
