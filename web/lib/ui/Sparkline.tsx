import { sparkline, type SparkPoint } from '../../charts/sparkline.ts';
import * as css from './Sparkline.module.css';

/** A small SVG line of the series, with the target as a dashed line; the figures are on the target page. */
export function Sparkline({ points, target, label, invert = false, width = 132, height = 40 }: { points: readonly SparkPoint[]; target: number | null; label: string; invert?: boolean; width?: number; height?: number }) {
  const s = sparkline(points, width, height, target, 3, invert);
  if (!s.d) return <svg className={css.sparkline} width={width} height={height} aria-hidden="true" />;
  return (
    // Decorative: the figures it draws are on the card in words and on the target page as a table.
    <svg className={css.sparkline} width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" data-label={label}>
      {s.targetY !== null && <line className={css.sparklineTarget} x1={0} x2={width} y1={s.targetY} y2={s.targetY} />}
      <path className={css.sparklineLine} d={s.d} />
      {s.alone.map((p) => <circle key={`${p.x},${p.y}`} className={css.sparklineLast} cx={p.x} cy={p.y} r={2.2} />)}
      {s.last && <circle className={css.sparklineLast} cx={s.last.x} cy={s.last.y} r={2.8} />}
    </svg>
  );
}
