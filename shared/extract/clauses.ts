// The text cut into paragraphs, sentences and clauses, with positions in the original text.

/** Full-width ASCII (，；：（）％０-９) to half-width: the same length, so indices stay those of the original. */
export function normalize(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export interface Clause {
  start: number;
  end: number;
  sentence: number;
  paragraph: number;
}

/** Paragraphs (lines, unless a line breaks after a comma), sentences (。！？……) and clauses (，；：) with their positions. */
export function clausesOf(t: string): Clause[] {
  const out: Clause[] = [];
  let paragraph = 0;
  let sentence = 0;
  let start = 0;
  let lastVisible = '';
  const push = (end: number) => {
    if (t.slice(start, end).trim()) out.push({ start, end, sentence, paragraph });
  };
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === '\n' || ch === '\r') {
      push(i);
      start = i + 1;
      // A line that stops after a comma or semicolon goes on in the next one (a wrapped sentence).
      if (!lastVisible || !',;、'.includes(lastVisible)) {
        sentence++;
        paragraph++;
      }
    } else if ('。!?'.includes(ch) || (ch === '…' && t[i + 1] === '…')) {
      push(i);
      while (t[i + 1] === '…') i++;
      start = i + 1;
      sentence++;
    } else if (';:'.includes(ch) || (ch === ',' && !(/\d/.test(t[i - 1] ?? '') && /^\d{3}(?!\d)/.test(t.slice(i + 1, i + 5))))) {
      push(i);
      start = i + 1;
    }
    if (!/\s/.test(ch)) lastVisible = ch;
  }
  push(t.length);
  return out;
}

/** The marker of a list item: (一), 一、, 1., ①, ——, •. */
export const LIST_MARKER = /^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、]|[①-⑳]|——|—|-|•|·)\s*/;

/** Each sentence's text (its clauses joined by commas), by sentence number. */
export function sentenceTexts(t: string, clauses: readonly Clause[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const c of clauses) out.set(c.sentence, `${out.has(c.sentence) ? `${out.get(c.sentence)},` : ''}${t.slice(c.start, c.end)}`);
  return out;
}

/** The items of a list sorted by start whose start lies in [from, to) (a binary search, then a walk). */
export function startingIn<T>(list: readonly T[], from: number, to: number, startOf: (x: T) => number): T[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(list[mid]!) < from) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let k = lo; k < list.length && startOf(list[k]!) < to; k++) out.push(list[k]!);
  return out;
}
