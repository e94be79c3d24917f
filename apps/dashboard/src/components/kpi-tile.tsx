// One KPI card: label, formatted value and a one-line definition, so every number on the dashboard
// says exactly what it counts. `data-value` carries the raw API number for tests and scripts.

interface Props {
  id: string;
  label: string;
  value: number | null;
  formatted: string;
  definition: string;
}

export function KpiTile({ id, label, value, formatted, definition }: Props) {
  const labelId = `kpi-${id}-label`;
  return (
    <section className="card kpi" data-testid={`kpi-${id}`} aria-labelledby={labelId}>
      <h2 className="kpi-label" id={labelId}>
        {label}
      </h2>
      <p className="kpi-value" data-value={String(value)}>
        {formatted}
      </p>
      <p className="kpi-definition">{definition}</p>
    </section>
  );
}
