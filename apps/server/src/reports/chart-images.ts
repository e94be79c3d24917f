// Charts of a report as images: ECharts renders the option server-side to SVG (no DOM, no
// canvas), and resvg (WebAssembly, so no per-platform binary) rasterises it to PNG, because
// e-mail clients show PNG but mostly not SVG. resvg draws text only with a font it is given:
// the configured one, else the first common system font found. Without any font the charts
// stay SVG (readable where SVG is shown) rather than PNGs without axis labels.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import * as echarts from 'echarts';
import type { ReportChartSpec } from './report-types';

export const DEFAULT_CHART_WIDTH = 640;
export const DEFAULT_CHART_HEIGHT = 300;
/** PNGs are drawn at twice the CSS size, for sharp screens. */
const PNG_ZOOM = 2;

const SYSTEM_FONTS = [
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
  '/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
  '/usr/share/fonts/noto/NotoSans-Regular.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  '/Library/Fonts/Arial.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];

export interface ChartImage {
  title: string;
  /** CSS pixels. */
  width: number;
  height: number;
  svg: string;
  /** Null when no font was found (see the header). */
  png: Uint8Array | null;
}

/** Renders an ECharts option to an SVG document. */
export function renderChartSvg(chart: ReportChartSpec): { svg: string; width: number; height: number } {
  const width = chart.width ?? DEFAULT_CHART_WIDTH;
  const height = chart.height ?? DEFAULT_CHART_HEIGHT;
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption({ ...chart.option, animation: false });
    return { svg: instance.renderToSVGString(), width, height };
  } finally {
    instance.dispose();
  }
}

let wasmReady: Promise<void> | null = null;

/** resvg's WebAssembly module, compiled once per process (initWasm refuses a second call). */
function ensureWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    await initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  })();
  return wasmReady;
}

/** The font file to draw text with: the configured one (which must exist), else a system font. */
export function findChartFont(configured: string): string | null {
  // "none": charts go as SVG on purpose (smaller mails, or no font may be installed).
  if (configured === 'none') return null;
  if (configured !== '') {
    if (!existsSync(configured)) throw new Error(`CENTRIC_REPORT_FONT: no font file at ${configured}`);
    return configured;
  }
  return SYSTEM_FONTS.find((path) => existsSync(path)) ?? null;
}

export class ChartImageRenderer {
  private font: Uint8Array | null | undefined;

  /** `fontFile`: a TTF/OTF path, '' to look for a system font, 'none' for SVG charts. */
  constructor(private readonly fontFile: string) {}

  /** Whether PNGs will have text; false means charts are delivered as SVG. */
  canRasterise(): boolean {
    return this.loadFont() !== null;
  }

  async render(chart: ReportChartSpec): Promise<ChartImage> {
    const { svg, width, height } = renderChartSvg(chart);
    const font = this.loadFont();
    if (font === null) return { title: chart.title, width, height, svg, png: null };
    await ensureWasm();
    const resvg = new Resvg(svg, {
      font: { fontBuffers: [font] },
      fitTo: { mode: 'zoom', value: PNG_ZOOM },
      background: '#ffffff',
    });
    try {
      const image = resvg.render();
      const png = image.asPng();
      image.free();
      return { title: chart.title, width, height, svg, png };
    } finally {
      resvg.free();
    }
  }

  private loadFont(): Uint8Array | null {
    if (this.font === undefined) {
      const path = findChartFont(this.fontFile);
      this.font = path === null ? null : new Uint8Array(readFileSync(path));
    }
    return this.font;
  }
}
