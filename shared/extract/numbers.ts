// Numbers as Chinese policy texts write them: Arabic (1,000, 4.24) and Chinese numerals (十五, 两千, 三点五).
// Magnitudes (万, 亿) belong to the unit (shared/units.ts), not to the number.

export const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_MULT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** The characters a Chinese numeral is written with. */
export const CN_CHARS = '零〇一二两三四五六七八九十百千';
const CN_NUMERAL = new RegExp(`^[${CN_CHARS}]+$`);

/**
 * A number written in Arabic or Chinese numerals: "1,000" 1000, "4.24" 4.24, "十五" 15, "两千" 2000,
 * "一百二十" 120, "八" 8, "三点五" 3.5. Magnitudes (万, 亿) are units here, not part of the number.
 */
export function parseNumber(text: string): number | null {
  if (/^\d+(?:,\d{3})*(?:\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  const [whole, fraction] = text.split('点');
  if (!whole || !CN_NUMERAL.test(whole)) return null;
  let total = 0;
  let digit: number | null = null;
  let lastWasDigit = false;
  for (const ch of whole) {
    if (ch in CN_DIGIT) {
      if (lastWasDigit && CN_DIGIT[ch] !== 0 && digit !== 0) return null; // "二五": not a number
      digit = CN_DIGIT[ch]!;
      lastWasDigit = true;
    } else {
      total += (digit ?? 1) * CN_MULT[ch]!;
      digit = null;
      lastWasDigit = false;
    }
  }
  total += digit ?? 0;
  if (fraction !== undefined) {
    if (!/^[零〇一二三四五六七八九]+$/.test(fraction)) return null;
    total += Number(`0.${[...fraction].map((c) => CN_DIGIT[c]).join('')}`);
  }
  return total;
}

/** Rounds away binary noise (4.24 × 10 000 = 42400.000000000004). */
export const round = (n: number) => Number(n.toPrecision(12));
