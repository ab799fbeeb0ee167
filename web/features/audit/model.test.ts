import { describe, expect, it } from 'vitest';
import { fixedTranslator } from '../../lib/i18n.ts';
import en from './locales/en.ts';
import zh from './locales/zh.ts';
import { actionLabel, describeDetail, detailText, entityLabel } from './model.ts';

const t = fixedTranslator('zh', { audit: zh }, ['audit']);
const tEn = fixedTranslator('en', { audit: en }, ['audit']);

describe('the audit log in words', () => {
  it('names known actions and objects, and leaves unknown ones as they are', () => {
    expect(t(actionLabel('approve_values')!)).toBe('审核通过');
    expect(actionLabel('something_new')).toBeNull();
    expect(t(entityLabel('reported_values')!)).toBe('填报数据');
    expect(tEn(entityLabel('reported_values')!)).toBe('Figures');
  });

  it('reads the telling fields of a detail and counts its lists', () => {
    const save = { via: 'import', reason: '更正', count: 3, file: '填报.xlsx', values: [{ id: 1 }, { id: 2 }, { id: 3 }] };
    expect(describeDetail(save, t)).toBe('途径 Excel 导入 · 条数 3 · 原因 更正 · 文件 填报.xlsx');
    expect(describeDetail({ comment: '请附证明', ids: [4, 5] }, tEn)).toBe('comment 请附证明 · figures ×2');
    expect(describeDetail({ username: 'viewer1', parkIds: [] }, t)).toBe('用户名 viewer1');
    const names = { role: (r: string) => (r === 'park_manager' ? '园区填报员' : null), province: (c: string) => (c === '330000' ? '浙江省' : null) };
    expect(describeDetail({ username: 'ningbo', role: 'park_manager', parkIds: [3] }, t, names)).toBe('用户名 ningbo · 角色 园区填报员 · 园区 ×1');
    expect(describeDetail({ year: 2025, deadline: '2026-12-31', provinceCode: '330000' }, t, names)).toBe('年份 2025 · 截止 2026-12-31 · 省份 浙江省');
    expect(describeDetail({ provinceCode: '990000' }, t, names)).toBe('省份 990000');
    expect(describeDetail(null, t)).toBe('');
    expect(describeDetail('text', t)).toBe('text');
    expect(detailText({ a: '<b>' })).toBe('{\n  "a": "<b>"\n}');
  });
});
