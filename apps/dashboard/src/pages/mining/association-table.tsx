// The Associations table: each association A → B with its observed and expected counts, the
// surprise factor coloured by over- or under-representation, support, confidence, lift and the
// corrected significance. `data-surprise` carries the raw factor for tests and scripts.
import type { Association } from '../../api/mining';
import { formatSurprise, surpriseColour } from '../../charts/association-option';
import { formatCount, formatPercent } from '../../format/number';

const qValue = (q: number) => (q < 0.001 ? q.toExponential(1) : q.toFixed(3));

export function AssociationTable({
  associations,
  labels,
}: {
  associations: readonly Association[];
  labels: Readonly<Record<string, string>>;
}) {
  const name = (values: readonly string[]) => values.map((v) => labels[v] ?? v).join(' + ');
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="association-table">
        <thead>
          <tr>
            <th scope="col">A</th>
            <th scope="col">→ B</th>
            <th scope="col" className="num">
              Observed
            </th>
            <th scope="col" className="num">
              Expected
            </th>
            <th scope="col" className="num">
              Surprise
            </th>
            <th scope="col" className="num">
              Support
            </th>
            <th scope="col" className="num">
              Confidence
            </th>
            <th scope="col" className="num">
              Lift
            </th>
            <th scope="col" className="num" title="Fisher's exact test, Benjamini-Hochberg adjusted">
              q
            </th>
          </tr>
        </thead>
        <tbody>
          {associations.map((a) => (
            <tr
              key={`${a.antecedent.join('+')}>${a.consequent.join('+')}`}
              data-testid="association-row"
              data-surprise={String(a.surpriseFactor)}
              data-direction={a.direction}
            >
              <td title={a.antecedent.join(', ')}>{name(a.antecedent)}</td>
              <td title={a.consequent.join(', ')}>{name(a.consequent)}</td>
              <td className="num">{formatCount(a.observed)}</td>
              <td className="num">{a.expected.toFixed(1)}</td>
              <td className="num" style={{ color: surpriseColour(a.direction), fontWeight: 600 }}>
                {formatSurprise(a.surpriseFactor)}{' '}
                {a.direction === 'more' ? '▲' : a.direction === 'less' ? '▼' : ''}
              </td>
              <td className="num">{formatPercent(a.support)}</td>
              <td className="num">{formatPercent(a.confidence)}</td>
              <td className="num">{a.lift.toFixed(2)}</td>
              <td className="num">{qValue(a.adjustedPValue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
