// The words around a value: comparators and change words before it (不低于, 提高到, 年均, 分别), leading
// words of a phrase that are not what is measured (一是, 力争, 新增), and the cues of an aim or a reward.
import type { Comparator } from '../progress.ts';

/** Rewards and funding are measures, not targets: 给予一次性奖励1000万元, 每年安排不少于10亿元. */
export const INCENTIVE = /给予|奖励|奖补|补助|补贴|资助|扶持资金|专项资金|引导资金|安排.{0,8}资金/;
/** Words of aim: a bare "2025年," followed by one of these in its sentence is a horizon. */
export const TARGET_CUE = /力争|确保|争取|目标|计划|要|将|预计|预期|努力/;
export const AIM_WORDS = /争创|打造|建成|建设成为|成为|迈进|迈向|走在|前列|领先|一流|显著|明显|基本形成|全面形成|形成|增强|提升|提高|优化|跻身|率先|争当|示范|高地|标杆|壮大|重要支撑|中坚力量|能级/;
export const STRONG_AIM_WORDS = /争创|打造|建成|建设成为|成为|迈进|迈向|走在|跻身|率先|争当/;

export type Token =
  | { kind: 'comparator'; comparator: Comparator }
  | { kind: 'level' }
  | { kind: 'increase' } | { kind: 'decrease' }
  | { kind: 'annual' } | { kind: 'cumulative' } | { kind: 'each' } | { kind: 'respectively' }
  | { kind: 'aim' } | { kind: 'acquire' } | { kind: 'rankVerb' } | { kind: 'area'; area: string };

export const BEFORE_VALUE: [string, Token][] = [
  ...(['不低于', '不少于', '不小于', '不下于', '至少', '突破', '迈上', '跨上', '站上', '跨越'] as const).map((w): [string, Token] => [w, { kind: 'comparator', comparator: 'at_least' }]),
  ...(['不超过', '不高于', '不多于', '不大于', '至多', '最多', '压缩至', '压缩到', '缩短至', '缩短到', '控制在', '控制到', '降至', '降到', '减至', '下降到', '下降至', '降低到', '降低至', '压减至', '压减到', '压降至'] as const).map((w): [string, Token] => [w, { kind: 'comparator', comparator: 'at_most' }]),
  ...(['超过', '超出', '高于', '多于', '大于', '超'] as const).map((w): [string, Token] => [w, { kind: 'comparator', comparator: 'more_than' }]),
  ...(['低于', '少于', '小于'] as const).map((w): [string, Token] => [w, { kind: 'comparator', comparator: 'less_than' }]),
  ...(['约为', '大约', '约', '接近', '近'] as const).map((w): [string, Token] => [w, { kind: 'comparator', comparator: 'about' }]),
  ...(['提高到', '提高至', '提升到', '提升至', '增长到', '增长至', '增加到', '增加至', '上升到', '上升至', '扩大到', '扩大至', '达到', '达', '实现', '保持在', '稳定在', '维持在', '为', '是', '在', '至', '到', '有'] as const).map((w): [string, Token] => [w, { kind: 'level' }]),
  ...(['增长', '增加', '提高', '提升', '上升', '新增', '扩大', '增', '净增'] as const).map((w): [string, Token] => [w, { kind: 'increase' }]),
  ...(['下降', '降低', '减少', '压减', '缩减', '缩小', '压降'] as const).map((w): [string, Token] => [w, { kind: 'decrease' }]),
  ...(['年均', '年平均', '平均每年', '每年', '平均'] as const).map((w): [string, Token] => [w, { kind: 'annual' }]),
  ['累计', { kind: 'cumulative' }],
  ...(['较上年', '比上年', '同比', '目标值为', '目标值', '目标为', '目标是', '目标', '基期值为', '基期值', '基期为', '基期'] as const).map((w): [string, Token] => [w, { kind: 'aim' }]),
  ...(['均', '各', '都'] as const).map((w): [string, Token] => [w, { kind: 'each' }]),
  ['分别', { kind: 'respectively' }],
  ...(['力争', '争取', '确保', '努力', '总计', '合计', '共', '再', '将', '要', '进一步', '稳步', '大幅', '全部', '基本', '已'] as const).map((w): [string, Token] => [w, { kind: 'aim' }]),
  ...(['开工建设', '新认定', '培育', '引进', '建设', '建成', '新建', '打造', '创建', '认定', '引育', '集聚', '招引', '组建', '布局', '设立', '培养', '落地', '形成', '拥有', '发展', '争创', '获批'] as const).map((w): [string, Token] => [w, { kind: 'acquire' }]),
  ...(['进入', '跻身', '位居', '位列', '稳居', '排名', '排在', '居', '列', '迈入', '挺进', '保持', '稳定', '排位', '综合评价', '综合排名', '评价'] as const).map((w): [string, Token] => [w, { kind: 'rankVerb' }]),
  ...(['全国', '全省', '全球', '世界', '全市', '同类', '中国', '省内', '国内'] as const).map((w): [string, Token] => [w, { kind: 'area', area: w }]),
];
BEFORE_VALUE.sort((a, b) => b[0].length - a[0].length);

/** Leading words of a phrase that are not what is measured. */
const LEADING = [
  '一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是', '九是', '十是', '其中', '此外', '另外', '同时', '以及', '并且', '力争', '争取', '确保', '努力', '预计', '预期', '计划', '加快推进', '推动', '推进', '加快',
  '全面', '基本', '进一步', '持续', '着力', '大力', '积极', '实现', '开工建设', '新认定', '累计', '新增', '培育', '引进', '新建', '建成', '打造', '创建', '引育', '集聚', '组建', '招引',
  '全年', '年均', '每年', '要', '将', '使', '让', '并', '且', '和', '及', '其', '再', '共', '总计', '合计', '的',
].sort((a, b) => b.length - a.length);

export function stripLeading(phrase: string, offset: number, flags: Set<string>): { phrase: string; offset: number } {
  for (;;) {
    const before = phrase;
    phrase = phrase.replace(/^[\s,、]+/, '');
    offset += before.length - phrase.length;
    const word = LEADING.find((w) => phrase.startsWith(w) && phrase.length > w.length && !(w === '建设' && phrase.startsWith('建设用地')));
    if (!word) return { phrase, offset };
    if (word === '累计') flags.add('cumulative');
    if (word === '新增') flags.add('increase');
    if (word === '年均' || word === '每年') flags.add('annual');
    phrase = phrase.slice(word.length);
    offset += word.length;
  }
}

/**
 * Reads the words just before a value backwards (力争 | 达到 | 8%: aim, level), adding each one's token
 * to the front of `tokens`; returns the part of `span` left before them.
 */
export function eatTokensBefore(t: string, span: { start: number; end: number }, tokens: Token[]): { start: number; end: number } {
  let end = span.end;
  for (;;) {
    const s = t.slice(span.start, end);
    const hit = BEFORE_VALUE.find(([w]) => s.endsWith(w) && !(w === '居' && s.endsWith('安居')));
    if (!hit) return { start: span.start, end };
    tokens.unshift(hit[1]);
    end -= hit[0].length;
  }
}
