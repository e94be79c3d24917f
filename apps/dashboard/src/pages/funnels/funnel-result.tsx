// One funnel's answer: the chart, the steps with conversion, drop-off and time, time-to-convert,
// the breakdown and the previous period. Used by the ad-hoc funnel and the journey-phase funnel.
import type { FunnelReport, Quantiles } from '../../api/journeys';
import { FunnelChart } from '../../charts/journey-charts';
import { percentText } from '../../charts/journey-options';
import { formatCount } from '../../format/number';

/** A duration in milliseconds, roughly: 45 s, 12 min, 3.5 h, 2.1 d. */
export function durationText(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} d`;
}

const spread = (q: Quantiles | null) =>
  q === null ? '—' : `${durationText(q.median)} (${durationText(q.p25)}–${durationText(q.p75)})`;

const BREAKDOWN_NAMES = {
  marketing_channel: 'Entry channel',
  channel: 'Device channel',
  category: 'Category',
} as const;

export function FunnelResult({ report, chartTestId }: { report: FunnelReport; chartTestId: string }) {
  const previous = report.previous;
  const change = previous?.conversionRateChange ?? null;
  return (
    <div className="page-stack" data-entrants={report.entrants} data-converted={report.converted}>
      <p data-testid={`${chartTestId}-summary`}>
        <strong>{formatCount(report.converted)}</strong> of {formatCount(report.entrants)}{' '}
        {report.entity === 'session' ? 'sessions' : 'customers'} converted (
        {percentText(report.conversionRate)}) within {report.window}; median time to convert{' '}
        {spread(report.timeToConvert)}.
        {previous !== null && report.previousRange !== null && (
          <>
            {' '}
            Period before ({report.previousRange.from} to {report.previousRange.to}):{' '}
            {percentText(previous.conversionRate)}
            {change !== null && ` (${change >= 0 ? '+' : ''}${change.toFixed(1)} points)`}.
          </>
        )}
      </p>
      <FunnelChart steps={report.steps} label="Funnel" testId={chartTestId} />
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col" className="num">
                Reached
              </th>
              <th scope="col" className="num">
                Of step before
              </th>
              <th scope="col" className="num">
                Of entrants
              </th>
              <th scope="col" className="num">
                Drop-off
              </th>
              <th scope="col" className="num">
                Time from step before
              </th>
              {previous !== null && (
                <th scope="col" className="num">
                  Period before
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {report.steps.map((s) => (
              <tr key={s.index}>
                <th scope="row">
                  {s.index + 1}. {s.label}
                  {s.optional && <span className="muted"> (optional)</span>}
                </th>
                <td className="num">{formatCount(s.reached)}</td>
                <td className="num">{s.index === 0 ? '' : percentText(s.conversionFromPrevious)}</td>
                <td className="num">{percentText(s.conversionFromStart)}</td>
                <td className="num">{s.index === 0 || s.optional ? '' : formatCount(s.dropOff)}</td>
                <td className="num">{s.index === 0 ? '' : spread(s.timeFromPrevious)}</td>
                {previous !== null && <td className="num">{formatCount(previous.reached[s.index] ?? 0)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.breakdown !== null && (
        <div className="table-scroll" data-testid={`${chartTestId}-breakdown`}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{BREAKDOWN_NAMES[report.breakdown.dimension]}</th>
                <th scope="col" className="num">
                  Entrants
                </th>
                <th scope="col" className="num">
                  Converted
                </th>
                <th scope="col" className="num">
                  Conversion
                </th>
                <th scope="col" className="num">
                  Time to convert
                </th>
              </tr>
            </thead>
            <tbody>
              {report.breakdown.groups.map((g) => (
                <tr key={g.value}>
                  <th scope="row">{g.label}</th>
                  <td className="num">{formatCount(g.entrants)}</td>
                  <td className="num">{formatCount(g.converted)}</td>
                  <td className="num">{percentText(g.conversionRate)}</td>
                  <td className="num">{spread(g.timeToConvert)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.breakdown.hidden > 0 && (
            <p className="muted">{report.breakdown.hidden} smaller values not shown.</p>
          )}
        </div>
      )}
    </div>
  );
}
