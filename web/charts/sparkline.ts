// A sparkline as SVG path data: no chart library on the overview, so the first page stays light.
export interface SparkPoint { year: number; value: number }

export interface Sparkline {
  /** Path of the series, or '' without points. */
  d: string;
  /** The target as a horizontal line (y in the box), when it falls inside the drawn range. */
  targetY: number | null;
  last: { x: number; y: number } | null;
  /** Points no line reaches (years without a figure on both sides): drawn as dots. */
  alone: { x: number; y: number }[];
}

/**
 * Scales points into a width×height box with a margin; the target value, when given, is part of the
 * vertical range so the gap to it is visible.
 */
export function sparkline(points: readonly SparkPoint[], width: number, height: number, target: number | null = null, margin = 3, invert = false): Sparkline {
  if (points.length === 0) return { d: '', targetY: null, last: null, alone: [] };
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const values = sorted.map((p) => p.value).concat(target === null ? [] : [target]);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const x0 = sorted[0]!.year;
  const x1 = sorted.at(-1)!.year;
  const sx = (year: number) => (x1 === x0 ? width / 2 : margin + ((year - x0) / (x1 - x0)) * (width - 2 * margin));
  // Inverted (ranks): lower is better and drawn higher.
  const sy = (value: number) => margin + (invert ? (value - lo) / (hi - lo) : 1 - (value - lo) / (hi - lo)) * (height - 2 * margin);
  const r = (n: number) => Math.round(n * 10) / 10;
  // A gap is a gap: the line starts again after a year without a figure.
  const follows = (i: number) => i > 0 && i < sorted.length && sorted[i]!.year - sorted[i - 1]!.year === 1;
  const d = sorted.map((p, i) => `${follows(i) ? 'L' : 'M'}${r(sx(p.year))},${r(sy(p.value))}`).join(' ');
  const alone = sorted.filter((_p, i) => !follows(i) && !follows(i + 1)).map((p) => ({ x: r(sx(p.year)), y: r(sy(p.value)) }));
  const lastPoint = sorted.at(-1)!;
  return { d, targetY: target === null ? null : r(sy(target)), last: { x: r(sx(lastPoint.year)), y: r(sy(lastPoint.value)) }, alone };
}
