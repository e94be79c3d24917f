// The customer KPI table: one row per KPI with its definition beside it, one column per period; the
// figures the KPIs are computed from follow in a second group of rows.
import { type CustomerKpis, FIGURE_NAMES, KPI_NAMES, type KpiName } from '../../api/customer-analytics';
import { formatDate } from '../../format/date';
import { KPI_LOOKS } from './kpi-catalog';

function periodLabel(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
}

function KpiRow({ name, data, secondary }: { name: KpiName; data: CustomerKpis; secondary?: boolean }) {
  const look = KPI_LOOKS[name];
  return (
    <tr data-testid={`kpi-row-${name}`} className={secondary ? 'secondary-row' : undefined}>
      <th scope="row">{look.label}</th>
      <td className="kpi-definition" data-testid={`kpi-def-${name}`}>
        {data.definitions[name] ?? '—'}
      </td>
      {data.periods.map((p) => (
        <td key={p.from} className="num" data-value={String(p.values[name])}>
          {look.format(p.values[name])}
        </td>
      ))}
    </tr>
  );
}

export function KpiTable({ data }: { data: CustomerKpis }) {
  const columns = 2 + data.periods.length;
  return (
    <div className="table-scroll">
      <table className="data-table kpi-table" data-testid="customer-kpis" data-periods={data.periods.length}>
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <th scope="col">Definition</th>
            {data.periods.map((p) => (
              <th key={p.from} scope="col" className="num">
                {periodLabel(p.from, p.to)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {KPI_NAMES.map((name) => (
            <KpiRow key={name} name={name} data={data} />
          ))}
        </tbody>
        <tbody>
          <tr>
            <th scope="rowgroup" colSpan={columns} className="group-heading">
              Underlying figures
            </th>
          </tr>
          {FIGURE_NAMES.map((name) => (
            <KpiRow key={name} name={name} data={data} secondary />
          ))}
        </tbody>
      </table>
    </div>
  );
}
