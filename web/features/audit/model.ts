// The audit log's words, pure: what each action and entity is called, and a short reading of an
// entry's detail (how many figures, why, which file) — the full detail stays one click away.
import type { WordKey } from '../../lib/i18n.ts';

export const ACTIONS = [
  'login', 'login_failed', 'logout', 'logout_everywhere', 'save_values', 'submit_values', 'approve_values', 'return_values',
  'open_round', 'create', 'update', 'revoke', 'create_targets', 'seed',
] as const;

export const ENTITIES = ['reported_values', 'session', 'reporting_round', 'user', 'park', 'screen', 'plan', 'target', 'database'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

export function actionLabel(action: string): WordKey<'audit'> | null {
  return isOneOf(ACTIONS, action) ? `action.${action}` : null;
}

export function entityLabel(entity: string): WordKey<'audit'> | null {
  return isOneOf(ENTITIES, entity) ? `entity.${entity}` : null;
}

const SHOWN: Record<string, string> = {
  via: '途径', count: '条数', reason: '原因', comment: '意见', file: '文件', sheet: '工作表', new: '新增', changed: '修改',
  year: '年份', deadline: '截止', label: '名称', username: '用户名', role: '角色', name: '名称', provinceCode: '省份',
};
const SHOWN_EN: Record<string, string> = {
  via: 'via', count: 'count', reason: 'reason', comment: 'comment', file: 'file', sheet: 'sheet', new: 'new', changed: 'changed',
  year: 'year', deadline: 'deadline', label: 'label', username: 'username', role: 'role', name: 'name', provinceCode: 'province',
};

const LISTS: Record<string, [string, string]> = { values: ['数据', 'figures'], ids: ['数据', 'figures'], indicatorCodes: ['指标', 'indicators'], parkIds: ['园区', 'parks'] };
const VIA: Record<string, [string, string]> = { api: ['表单', 'form'], import: ['Excel 导入', 'Excel import'] };

/** “条数 3 · 原因 更正 · 文件 填报.xlsx”: the detail's telling fields, in a fixed order; lists as their length. */
export function describeDetail(detail: unknown, locale: 'zh' | 'en' = 'zh'): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object') return String(detail);
  const names = locale === 'zh' ? SHOWN : SHOWN_EN;
  const record = detail as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(names)) {
    const v = record[key];
    if (v === null || v === undefined || v === '') continue;
    const shown = key === 'via' && typeof v === 'string' && VIA[v] ? VIA[v][locale === 'zh' ? 0 : 1] : v;
    if (typeof shown === 'string' || typeof shown === 'number' || typeof shown === 'boolean') parts.push(`${names[key]} ${String(shown)}`);
  }
  for (const [key, words] of Object.entries(LISTS)) {
    const v = record[key];
    if (Array.isArray(v) && v.length > 0 && !(key === 'values' && typeof record.count === 'number')) parts.push(`${words[locale === 'zh' ? 0 : 1]} ×${v.length}`);
  }
  return parts.join(' · ');
}

/** The detail in full, indented, as text (never markup). */
export function detailText(detail: unknown): string {
  return detail === null || detail === undefined ? '' : JSON.stringify(detail, null, 2);
}
