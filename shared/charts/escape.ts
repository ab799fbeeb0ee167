// ECharts tooltips render HTML: every piece of text in a tooltip formatter goes through escapeHtml,
// the same five replacements as echarts.format.encodeHTML (kept here so option builders stay pure and
// testable without loading ECharts). Axis labels, legends and map labels are drawn on the canvas as
// text and need no escaping.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** One tooltip line: a colour dot, a label and a value, every piece escaped. */
export function tooltipLine(color: string, label: string, value: string): string {
  const dot = `<span style="display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;background:${escapeHtml(color)}"></span>`;
  return `<div>${dot}${escapeHtml(label)}: <b>${escapeHtml(value)}</b></div>`;
}

export function tooltipTitle(text: string): string {
  return `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(text)}</div>`;
}

export function tooltipNote(text: string): string {
  return `<div style="color:#5b636e">${escapeHtml(text)}</div>`;
}
