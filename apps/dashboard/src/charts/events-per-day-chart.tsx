// The Overview's "Events per day" chart: a bar per UTC day on a time axis, so days without events
// show up as gaps instead of being silently dropped from a category axis.
import { useMemo } from 'react';
import type { DayCount } from '../api/endpoints';
import { formatCount } from '../format/number';
import { Chart, type ChartOption } from './chart';

interface Props {
  days: readonly DayCount[];
}

function buildOption(days: readonly DayCount[]): ChartOption {
  return {
    animation: days.length < 400,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const value = first?.value;
        if (!Array.isArray(value)) return '';
        const [day, events] = value;
        return `${String(day)}<br/><b>${formatCount(typeof events === 'number' ? events : null)}</b> events`;
      },
    },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eceef2' } } },
    series: [
      {
        type: 'bar',
        name: 'Events',
        data: days.map((d) => [d.day, d.events]),
        itemStyle: { color: '#4f6bed', borderRadius: [2, 2, 0, 0] },
        barMaxWidth: 24,
        large: days.length > 600,
      },
    ],
  };
}

export function EventsPerDayChart({ days }: Props) {
  const option = useMemo(() => buildOption(days), [days]);
  const total = useMemo(() => days.reduce((sum, d) => sum + d.events, 0), [days]);
  return (
    <Chart
      option={option}
      className="chart"
      data-testid="events-per-day-chart"
      data-total={total}
      role="img"
      aria-label={`Bar chart of events per day, ${formatCount(total)} events in total over ${days.length} days with data.`}
    />
  );
}
