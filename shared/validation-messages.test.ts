import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { flattenIssues, issueWords, valueAt } from './validation-messages.ts';

/** The words for each issue of parsing `input` with `schema`, with its path. */
function wordsFor(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  return flattenIssues(result.error.issues).map((issue) => [issue.path.join('.'), issueWords(issue, valueAt(input, issue.path))]);
}

describe('what a failed check means, in words', () => {
  it('words the common failures in Chinese and English', () => {
    const schema = z.object({
      name: z.string().min(2).max(5), count: z.number().int().min(1), level: z.enum(['national', 'provincial']),
      code: z.string().regex(/^\d{6}$/), items: z.array(z.number()).max(1), share: z.number().max(100), year: z.number(),
    });
    expect(wordsFor(schema, { name: 'x', count: 1.5, level: 'city', code: 'abc', items: [1, 2], share: 120, year: '二〇二三' })).toEqual([
      ['name', { zh: '至少 2 个字符', en: 'must have at least 2 characters' }],
      ['count', { zh: '应为整数', en: 'must be a whole number' }],
      ['level', { zh: '应为以下之一: national, provincial', en: 'must be one of: national, provincial' }],
      ['code', { zh: '格式不正确', en: 'has the wrong form' }],
      ['items', { zh: '最多 1 项', en: 'must have at most 1 item' }],
      ['share', { zh: '不能大于 100', en: 'must be at most 100' }],
      ['year', { zh: '应为数字', en: 'must be a number' }],
    ]);
    expect(wordsFor(schema.pick({ year: true }), {})).toEqual([['year', { zh: '必填', en: 'is required' }]]);
  });

  it('keeps a message the schema wrote itself for the Chinese, and words the English', () => {
    expect(wordsFor(z.object({ password: z.string().min(10, '密码至少10位') }), { password: 'short' }))
      .toEqual([['password', { zh: '密码至少10位', en: 'must have at least 10 characters' }]]);
  });

  it('describes a value that fits no shape of a union by the shape it came closest to', () => {
    const batch = z.union([z.array(z.object({ year: z.number() })), z.object({ values: z.array(z.object({ year: z.number() })) })]);
    expect(wordsFor(batch, [{ year: 2023 }, { year: 'x' }])).toEqual([['1.year', { zh: '应为数字', en: 'must be a number' }]]);
    expect(wordsFor(batch, { values: [{ year: null }] })).toEqual([['values.0.year', { zh: '应为数字', en: 'must be a number' }]]);
  });
});
