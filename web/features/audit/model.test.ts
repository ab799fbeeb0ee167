import { describe, expect, it } from 'vitest';
import { actionLabel, describeDetail, detailText, entityLabel } from './model.ts';

describe('the audit log in words', () => {
  it('names known actions and objects, and leaves unknown ones as they are', () => {
    expect(actionLabel('approve_values')).toBe('action.approve_values');
    expect(actionLabel('something_new')).toBeNull();
    expect(entityLabel('reported_values')).toBe('entity.reported_values');
  });

  it('reads the telling fields of a detail and counts its lists', () => {
    const save = { via: 'import', reason: '更正', count: 3, file: '填报.xlsx', values: [{ id: 1 }, { id: 2 }, { id: 3 }] };
    expect(describeDetail(save)).toBe('途径 Excel 导入 · 条数 3 · 原因 更正 · 文件 填报.xlsx');
    expect(describeDetail({ comment: '请附证明', ids: [4, 5] }, 'en')).toBe('comment 请附证明 · figures ×2');
    expect(describeDetail({ username: 'viewer1', parkIds: [] })).toBe('用户名 viewer1');
    expect(describeDetail(null)).toBe('');
    expect(describeDetail('text')).toBe('text');
    expect(detailText({ a: '<b>' })).toBe('{\n  "a": "<b>"\n}');
  });
});
