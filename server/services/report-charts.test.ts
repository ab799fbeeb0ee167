// Charts drawn on the server for the Word report: the web's option builders through ECharts' SVG
// renderer and resvg, with Chinese drawn as Chinese.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { buildTargetOption } from '../../shared/charts/targetChart.ts';
import { FONT } from '../../shared/charts/theme.ts';
import { cjkFont, renderChart, renderSvg, unquotedFonts, withoutInstanceIds } from './report-charts.ts';

const option = buildTargetOption({
  series: [{ year: 2020, value: 6 }, { year: 2023, value: 6.79 }],
  path: [{ year: 2020, value: 6 }, { year: 2025, value: 8 }],
  projection: [{ year: 2023, value: 6.79 }, { year: 2025, value: 7.31 }],
  targets: [{ label: '目标 约 8%', value: 8, year: 2025 }],
}, {
  actual: '实际值', path: '按期路径', projection: '按当前速度预测', year: (y) => `${y}年`, value: (v) => `${v}%`, axis: (v) => `${v}%`, description: 'R&D',
});

/** Ink (dark pixels) in an RGBA image. */
const ink = (pixels: Buffer) => {
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128 && pixels[i + 3]! > 0) n++;
  return n;
};

describe('charts for the report', () => {
  it('writes font families without quotes, which the SVG renderer would put unescaped into a style attribute', () => {
    const fixed = unquotedFonts({ textStyle: { fontFamily: FONT }, series: [{ label: { fontFamily: '"A B", serif', formatter: String } }] });
    expect(fixed.textStyle.fontFamily).toBe('PingFang SC, Microsoft YaHei, WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif');
    expect(fixed.series[0]!.label.fontFamily).toBe('A B, serif');
    expect(fixed.series[0]!.label.formatter).toBe(String);
    const svg = renderSvg(option, 640, 300);
    expect(svg).toContain('实际值');
    expect(svg).not.toMatch(/font-family:"/);
  });

  it('draws a PNG at twice the size it is placed at', async () => {
    const chart = await renderChart(option, 640, 300);
    expect([...chart.png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([chart.png.readUInt32BE(16), chart.png.readUInt32BE(20)]).toEqual([1280, 600]);
    expect([chart.width, chart.height]).toEqual([640, 300]);
    // The same chart drawn again differs only in the renderer's instance names, and comes from what was drawn.
    expect(renderSvg(option, 640, 300)).not.toBe(renderSvg(option, 640, 300));
    expect(withoutInstanceIds(renderSvg(option, 640, 300))).toBe(withoutInstanceIds(renderSvg(option, 640, 300)));
    expect((await renderChart(option, 640, 300)).png).toBe(chart.png);
  });

  // CI installs fonts-wqy-microhei (.ci/run); a machine without a CJK font draws boxes, and says so.
  it.skipIf(cjkFont() === null && process.env.CI !== 'true')('draws Chinese with a CJK font, not as boxes', () => {
    const font = cjkFont();
    expect(font).not.toBeNull();
    const draw = (text: string) => new Resvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="45" font-size="40" font-family="${unquotedFonts({ fontFamily: FONT }).fontFamily}">${text}</text></svg>`,
      { background: '#ffffff', font: { loadSystemFonts: false, fontFiles: [font!.file], defaultFontFamily: font!.family } },
    ).render().pixels;
    const chinese = draw('实际值');
    expect(ink(chinese)).toBeGreaterThan(300);
    expect(chinese.equals(draw('□□□'))).toBe(false);
  });
});
