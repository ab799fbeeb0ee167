// What a failed zod check means, in words, in Chinese and in English: "password 至少 10 个字符" /
// "password must have at least 10 characters". Used by the server for every refused request (and
// usable by the web for its forms). Zod's own locales word these for programmers ("数值过小：期望
// string >=10 字符") and, without the input, say "received undefined"; the common cases are worded
// here, the rare ones fall back to zod's locales.
import { z } from 'zod';
import type { BilingualT } from './schemas.ts';

type Issue = z.core.$ZodIssue;

const zhLocale = z.locales.zhCN().localeError;
const enLocale = z.locales.en().localeError;

const TYPE_WORDS: Record<string, BilingualT> = {
  string: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
  record: { zh: '对象', en: 'an object' },
  date: { zh: '日期', en: 'a date' },
  file: { zh: '文件', en: 'a file' },
  null: { zh: '空值 null', en: 'null' },
};

const CJK = /[\u3400-\u9fff]/;

/** Zod's message from one of its locales (an error map answers a string or `{ message }`). */
function fromLocale(map: typeof enLocale, issue: Issue, input: unknown): string {
  const answer = map({ ...issue, input } as Parameters<typeof enLocale>[0]);
  return typeof answer === 'string' ? answer : answer?.message ?? issue.message;
}

function limitWords(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): BilingualT {
  const small = issue.code === 'too_small';
  const n = String(small ? issue.minimum : issue.maximum);
  const strict = issue.inclusive === false;
  const characters = n === '1' ? 'character' : 'characters';
  const items = n === '1' ? 'item' : 'items';
  switch (issue.origin) {
    case 'string':
      return issue.exact ? { zh: `应为 ${n} 个字符`, en: `must have exactly ${n} ${characters}` }
        : small ? { zh: `至少 ${n} 个字符`, en: `must have at least ${n} ${characters}` }
          : { zh: `最多 ${n} 个字符`, en: `must have at most ${n} ${characters}` };
    case 'array':
    case 'set':
      return issue.exact ? { zh: `应为 ${n} 项`, en: `must have exactly ${n} ${items}` }
        : small ? { zh: `至少 ${n} 项`, en: `must have at least ${n} ${items}` }
          : { zh: `最多 ${n} 项`, en: `must have at most ${n} ${items}` };
    case 'file':
      return small ? { zh: `至少 ${n} 字节`, en: `must have at least ${n} bytes` } : { zh: `不能超过 ${n} 字节`, en: `must have at most ${n} bytes` };
    default:
      // numbers, dates
      if (small) return strict ? { zh: `应大于 ${n}`, en: `must be more than ${n}` } : { zh: `不能小于 ${n}`, en: `must be at least ${n}` };
      return strict ? { zh: `应小于 ${n}`, en: `must be less than ${n}` } : { zh: `不能大于 ${n}`, en: `must be at most ${n}` };
  }
}

/** What is wrong, without the field's name. `input` is the value that was checked (zod leaves it out of its issues). */
export function issueWords(issue: Issue, input: unknown): BilingualT {
  let words: BilingualT;
  switch (issue.code) {
    case 'invalid_type':
      words = input === undefined ? { zh: '必填', en: 'is required' }
        : { zh: `应为${TYPE_WORDS[issue.expected]?.zh ?? issue.expected}`, en: `must be ${TYPE_WORDS[issue.expected]?.en ?? issue.expected}` };
      break;
    case 'too_small':
    case 'too_big':
      words = limitWords(issue);
      break;
    case 'invalid_value':
      words = { zh: `应为以下之一: ${issue.values.map(String).join(', ')}`, en: `must be one of: ${issue.values.map(String).join(', ')}` };
      break;
    case 'invalid_format':
      words = issue.format === 'regex' ? { zh: '格式不正确', en: 'has the wrong form' } : { zh: `格式不正确 (应为 ${issue.format})`, en: `must be a valid ${issue.format}` };
      break;
    case 'unrecognized_keys':
      words = { zh: `有不认识的字段 ${issue.keys.join(', ')}`, en: `has unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}` };
      break;
    default:
      words = { zh: fromLocale(zhLocale, issue, input), en: fromLocale(enLocale, issue, input) };
  }
  // A message the schema wrote itself (in Chinese: '请输入用户名') says it better than any default.
  const custom = issue.message !== fromLocale(enLocale, issue, input);
  if (custom && CJK.test(issue.message)) words = { ...words, zh: issue.message };
  else if (custom) words = { ...words, en: issue.message };
  return words;
}

/**
 * The issues to tell a person about. A value that fits none of a union's shapes (a batch of figures is
 * a list, or an object with a list) is described by the shape it came closest to: the one whose
 * problems lie deepest inside the value, rather than "Invalid input".
 */
export function flattenIssues(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): Issue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code !== 'invalid_union' || !('errors' in issue) || issue.errors.length === 0) return [{ ...issue, path }];
    const depth = (branch: readonly Issue[]) => Math.min(...branch.map((i) => i.path.length));
    const closest = issue.errors.reduce((best, branch) => (depth(branch) > depth(best) ? branch : best));
    return flattenIssues(closest, path);
  });
}

/** The value at a path in the checked data, for the words about it. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The names of the fields people fill in, as the forms call them (a path's last word). */
const FIELD_ZH: Record<string, string> = {
  username: '用户名', password: '密码', displayName: '显示名', role: '角色', parkIds: '园区', parkId: '园区', regionCode: '区域',
  name: '名称', level: '级别', provinceCode: '省份', cityCode: '城市', countyCode: '区县', approvedOn: '批复日期', aliases: '别名',
  indicator: '指标', year: '年份', value: '数值', unit: '单位', note: '备注', confirm: '确认', version: '版本', status: '状态',
  reason: '原因', comment: '意见', items: '条目', values: '数据', deadline: '截止日期', indicatorCodes: '指标',
  title: '标题', issuer: '发文机关', documentNumber: '文号', issuedOn: '发文日期', text: '文本', documentYear: '文件年份',
  targetValue: '目标值', targetYear: '目标年份', baselineValue: '基期值', baselineYear: '基期年份', tolerance: '容差',
  comparator: '比较方式', scope: '范围', label: '名称', scenes: '场景', intervalSeconds: '轮播间隔', file: '文件',
  province: '省份', city: '城市', plan: '规划', park: '园区', basis: '计入数据', from: '起始年份', to: '截止年份',
};

/** A field's path in words: "password" → 密码; "values.2.value" → 第3项 数值 (English keeps the path). */
export function fieldWords(path: readonly PropertyKey[]): BilingualT {
  const en = path.map(String).join('.');
  const last = path.findLast((p) => typeof p === 'string' && !/^\d+$/.test(p)) as string | undefined;
  const index = path.find((p) => typeof p === 'number' || /^\d+$/.test(String(p)));
  const name = last ? FIELD_ZH[last] ?? last : '';
  return { zh: `${index !== undefined ? `第${Number(index) + 1}项 ` : ''}${name}`.trim(), en };
}
