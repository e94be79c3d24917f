// The Associations chart: observed against expected count per association, coloured by whether
// the pair occurs more (green) or less (red) often than chance, labelled with the surprise factor.
import { useMemo } from 'react';
import type { Association } from '../api/mining';
import { associationBars, buildAssociationOption } from './association-option';
import { Chart } from './chart';

interface Props {
  associations: readonly Association[];
  labels: Readonly<Record<string, string>>;
}

const ROW_PX = 34;
const CHROME_PX = 60;

export function AssociationChart({ associations, labels }: Props) {
  const bars = useMemo(() => associationBars(associations, labels), [associations, labels]);
  const option = useMemo(() => buildAssociationOption(bars), [bars]);
  return (
    <Chart
      option={option}
      className="chart"
      style={{ height: Math.max(160, CHROME_PX + ROW_PX * bars.length) }}
      data-testid="association-chart"
      data-bars={bars.length}
      role="img"
      aria-label={`Bar chart of observed against expected counts for ${bars.length} associations, with their surprise factors.`}
    />
  );
}
