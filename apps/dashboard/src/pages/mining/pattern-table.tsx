// The Pattern Explorer's tables: frequent patterns with their sessions, share and conversion (the
// patterns that separate converting from abandoning sessions highlighted), and the separating
// patterns ranked by how much more (or less) often converting sessions hold them.
import type { SessionPattern } from '../../api/mining';
import { formatCount, formatPercent } from '../../format/number';

const MORE = '#2f9e62';
const LESS = '#d0453b';

export const patternText = (p: SessionPattern) => p.items.join(' → ');

export function PatternTable({
  patterns,
  conversionRate,
}: {
  patterns: readonly SessionPattern[];
  conversionRate: number;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="pattern-table">
        <thead>
          <tr>
            <th scope="col">Pattern (in this order, other steps may come between)</th>
            <th scope="col" className="num">
              Sessions
            </th>
            <th scope="col" className="num">
              Share
            </th>
            <th scope="col" className="num">
              Conversion
            </th>
            <th scope="col" className="num">
              vs all ({formatPercent(conversionRate)})
            </th>
          </tr>
        </thead>
        <tbody>
          {patterns.map((p) => (
            <tr
              key={patternText(p)}
              data-testid="pattern-row"
              data-items={p.items.join('>')}
              data-separating={String(p.separating)}
              style={
                p.separating ? { background: p.supportDifference > 0 ? '#eef8f2' : '#fdf0ef' } : undefined
              }
            >
              <td>
                {patternText(p)}{' '}
                {p.separating && (
                  <span
                    className="badge"
                    title="Significantly more (or less) frequent in converting sessions"
                  >
                    {p.supportDifference > 0 ? 'converters' : 'abandoners'}
                  </span>
                )}
              </td>
              <td className="num">{formatCount(p.support)}</td>
              <td className="num">{formatPercent(p.supportRatio)}</td>
              <td className="num">{formatPercent(p.conversionRate)}</td>
              <td className="num" style={{ color: p.conversionLift >= 1 ? MORE : LESS }}>
                ×{p.conversionLift.toFixed(2)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SeparatingList({
  patterns,
  convertedCount,
  abandonedCount,
}: {
  patterns: readonly SessionPattern[];
  convertedCount: number;
  abandonedCount: number;
}) {
  if (patterns.length === 0) {
    return (
      <p className="muted">No pattern differs significantly between converting and abandoning sessions.</p>
    );
  }
  const share = (part: number, whole: number) => formatPercent(whole > 0 ? part / whole : null);
  const q = (p: SessionPattern) =>
    p.adjustedPValue < 0.001 ? p.adjustedPValue.toExponential(1) : p.adjustedPValue.toFixed(3);
  return (
    <ol data-testid="separating-patterns">
      {patterns.slice(0, 10).map((p) => (
        <li key={patternText(p)} data-testid="separating-pattern">
          <strong>{patternText(p)}</strong>: in{' '}
          <span style={{ color: p.supportDifference > 0 ? MORE : LESS, fontWeight: 600 }}>
            {share(p.convertedSupport, convertedCount)} of converting
          </span>{' '}
          against {share(p.abandonedSupport, abandonedCount)} of abandoning sessions;{' '}
          {formatPercent(p.conversionRate)} of the sessions with it convert (q = {q(p)})
        </li>
      ))}
    </ol>
  );
}
