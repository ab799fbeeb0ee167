import { describe, expect, it } from 'vitest';
import { marksOf, segmentText, type Mark } from './highlight.ts';

const mark = (key: string, start: number, end: number, kind: Mark['kind'] = 'candidate'): Mark => ({ key, start, end, kind, label: key });
const view = (text: string, marks: Mark[]) => segmentText(text, marks).map((s) => [s.text, s.marks.map((m) => m.key).join('+'), s.starting.map((m) => m.key).join('+')]);

describe('segmentText', () => {
  it('gives the whole text as one plain piece without marks', () => {
    expect(view('到2025年达到8%左右', [])).toEqual([['到2025年达到8%左右', '', '']]);
    expect(segmentText('', [])).toEqual([]);
  });

  it('cuts around one span and joins back to the original text', () => {
    const text = '前言。到2025年达到8%左右;其他';
    const segments = segmentText(text, [mark('c1', 3, 15)]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(view(text, [mark('c1', 3, 15)])).toEqual([['前言。', '', ''], ['到2025年达到8%左右', 'c1', 'c1'], [';其他', '', '']]);
  });

  it('keeps adjacent spans apart, each starting its own piece', () => {
    expect(view('AAABBBC', [mark('a', 0, 3), mark('b', 3, 6)])).toEqual([['AAA', 'a', 'a'], ['BBB', 'b', 'b'], ['C', '', '']]);
  });

  it('splits overlapping spans into the parts each covers', () => {
    expect(view('abcdefgh', [mark('a', 1, 5), mark('b', 3, 7)])).toEqual([
      ['a', '', ''], ['bc', 'a', 'a'], ['de', 'a+b', 'b'], ['fg', 'b', ''], ['h', '', ''],
    ]);
  });

  it('lists both candidates over the same words (均: two targets from one sentence)', () => {
    expect(view('xx均超过50%', [mark('c3', 0, 8), mark('c4', 0, 8)])).toEqual([['xx均超过50%', 'c3+c4', 'c3+c4']]);
  });

  it('handles a span nested in another', () => {
    expect(view('0123456789', [mark('outer', 0, 10), mark('inner', 4, 6, 'qualitative')])).toEqual([
      ['0123', 'outer', 'outer'], ['45', 'outer+inner', 'inner'], ['6789', 'outer', ''],
    ]);
  });

  it('clamps spans to the text and drops empty or outside ones', () => {
    expect(view('abc', [mark('x', -2, 2), mark('empty', 1, 1), mark('out', 5, 9), mark('back', 2, 1)])).toEqual([['ab', 'x', 'x'], ['c', '', '']]);
  });

  it('never splits a surrogate pair unless a span does', () => {
    const text = '𠮷野家到2025年';
    expect(segmentText(text, [mark('c', 4, text.length)]).map((s) => s.text)).toEqual(['𠮷野家', '到2025年']);
  });
});

describe('marksOf', () => {
  it('numbers candidates in order and adds qualitative aims unnumbered', () => {
    const marks = marksOf({
      candidates: [{ id: 'c1', span: { start: 0, end: 2 } }, { id: 'c2', span: { start: 3, end: 5 } }],
      qualitative: [{ span: { start: 6, end: 8 } }],
    });
    expect(marks.map((m) => [m.key, m.kind, m.label])).toEqual([['c1', 'candidate', '1'], ['c2', 'candidate', '2'], ['q1', 'qualitative', null]]);
  });
});
