// Minimal React wrapper around ECharts: one chart instance per mounted element, options applied on
// change, resized with its container, disposed on unmount. ECharts itself is loaded lazily (see
// echarts-setup.ts), so the wrapper copes with options arriving before the library does.
import type { EChartsType } from 'echarts/core';
import { type HTMLAttributes, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChartOption } from './echarts-setup';

export type { ChartOption };

let echartsModule: Promise<typeof import('./echarts-setup')> | null = null;

function loadEcharts(): Promise<typeof import('./echarts-setup')> {
  echartsModule ??= import('./echarts-setup');
  // A failed download (e.g. the server was redeployed) should not poison every later attempt.
  echartsModule.catch(() => {
    echartsModule = null;
  });
  return echartsModule;
}

// notMerge: a new range must not keep series or axis settings left over from the previous option.
const SET_OPTION = { notMerge: true } as const;

export interface ChartProps extends HTMLAttributes<HTMLDivElement> {
  option: ChartOption;
}

export function Chart({ option, ...rest }: ChartProps) {
  const elementRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const optionRef = useRef(option);
  const [failed, setFailed] = useState(false);

  useLayoutEffect(() => {
    optionRef.current = option;
  }, [option]);

  useEffect(() => {
    const element = elementRef.current;
    if (element === null) return;
    let disposed = false;
    let observer: ResizeObserver | null = null;
    loadEcharts().then(
      ({ init }) => {
        if (disposed) return;
        const chart = init(element, undefined, { renderer: 'canvas' });
        chart.setOption(optionRef.current, SET_OPTION);
        chartRef.current = chart;
        // ECharts only measures its container when asked; the layout reflows it on window resize.
        observer = new ResizeObserver(() => chart.resize());
        observer.observe(element);
      },
      () => {
        if (!disposed) setFailed(true);
      },
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, SET_OPTION);
  }, [option]);

  return (
    <div ref={elementRef} {...rest}>
      {failed && (
        <p className="muted chart-failed">The chart could not be loaded. Reload the page to try again.</p>
      )}
    </div>
  );
}
