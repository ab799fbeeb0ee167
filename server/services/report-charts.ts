// Charts for the Word report, drawn on the server with the web's own option builders
// (shared/charts/): ECharts renders them to SVG without a DOM, and resvg turns the SVG into a PNG with
// a CJK font file, so Chinese labels print as characters (not boxes) on any machine that opens the
// document. Word and WPS both place PNG reliably; SVG in .docx is not read everywhere.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { renderAsync } from '@resvg/resvg-js';

// The builders keep axis labels inside the grid with `containLabel`, which ECharts 6 honours only with this feature.
echarts.use([LineChart, BarChart, AriaComponent, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, LegacyGridContainLabel, SVGRenderer]);

/** CJK fonts Debian installs (fonts-wqy-microhei, fonts-noto-cjk, fonts-wqy-zenhei), each with its family name. */
export const CJK_FONTS: readonly { file: string; family: string }[] = [
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
];

let chosenFont: { file: string; family: string } | null | undefined;

/** The first CJK font file present; null (with one warning) when there is none: charts then use the system's fonts. */
export function cjkFont(): { file: string; family: string } | null {
  if (chosenFont === undefined) {
    chosenFont = CJK_FONTS.find((f) => existsSync(f.file)) ?? null;
    if (!chosenFont) {
      console.warn('报告图表: 未找到中文字体, 图中汉字可能显示为方框 (no CJK font found for report charts: apt-get install -y fonts-wqy-microhei)');
    }
  }
  return chosenFont;
}

export interface ChartImage {
  png: Buffer;
  /** The size it is drawn at, in CSS pixels; the PNG has twice as many for print. */
  width: number;
  height: number;
}

/** Pixels per CSS pixel in the PNG: sharp when printed at the document's width. */
const SCALE = 2;

/**
 * The option with every font family written without quotes ("PingFang SC", … → PingFang SC, …): the
 * server-side SVG renderer puts the family into a style attribute without escaping its quotes, which
 * ends the attribute early. Unquoted names are as valid in CSS and name the same fonts.
 */
export function unquotedFonts<T>(value: T): T {
  if (Array.isArray(value)) return value.map(unquotedFonts) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'fontFamily' && typeof v === 'string' ? v.replace(/["']/g, '') : unquotedFonts(v)])) as T;
}

/** SVG of an option, as ECharts' server-side renderer draws it. */
export function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...unquotedFonts(option), animation: false, backgroundColor: '#ffffff' });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * PNGs already drawn, by the SVG they were drawn from: the SVG is cheap and says everything the PNG
 * shows, so a chart whose figures did not change (most of them, when one park reports) is not drawn again.
 */
const drawn = new Map<string, Buffer>();
const DRAWN_KEPT = 300;

/**
 * The SVG with the renderer's own names numbered afresh: each chart instance names its classes and
 * clip paths zr<instance>-<kind>[-]<counter> (zr0-cls-3, zr0-c0), so the same chart drawn twice differs only in those.
 */
export function withoutInstanceIds(svg: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-([a-z]+)-?\d+\b/g, (name, kind: string) => {
    if (!names.has(name)) names.set(name, `${kind}${names.size}`);
    return names.get(name)!;
  });
}

/** A chart as a PNG; the rasterising runs off the event loop (resvg's own thread). */
export async function renderChart(option: EChartsOption, width: number, height: number): Promise<ChartImage> {
  const svg = renderSvg(option, width, height);
  const key = createHash('sha1').update(withoutInstanceIds(svg)).digest('base64');
  const kept = drawn.get(key);
  if (kept) {
    // Most recently used last: the oldest is the first to go.
    drawn.delete(key);
    drawn.set(key, kept);
    return { png: kept, width, height };
  }
  const png = await rasterise(svg);
  drawn.set(key, png);
  if (drawn.size > DRAWN_KEPT) drawn.delete(drawn.keys().next().value!);
  return { png, width, height };
}

/**
 * At most this many charts are rasterised at once. resvg runs on libuv's thread pool (4 threads),
 * which the server's file reads and gzip share: a report's charts must not take all of it.
 */
const RASTERISING_AT_ONCE = 2;
let rasterising = 0;
const waiting: (() => void)[] = [];

async function rasterise(svg: string): Promise<Buffer> {
  // A free place is taken; otherwise the place of a chart that finishes is handed over in turn.
  if (rasterising < RASTERISING_AT_ONCE) rasterising++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await rasteriseNow(svg);
  } finally {
    const next = waiting.shift();
    if (next) next();
    else rasterising--;
  }
}

async function rasteriseNow(svg: string): Promise<Buffer> {
  const font = cjkFont();
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: SCALE },
    background: '#ffffff',
    font: font
      ? { loadSystemFonts: false, fontFiles: [font.file], defaultFontFamily: font.family, sansSerifFamily: font.family }
      : { loadSystemFonts: true },
    logLevel: 'off',
  });
  return image.asPng();
}
