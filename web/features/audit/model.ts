// The audit log's words, pure: what each action and entity is called, and a short reading of an
// entry's detail (how many figures, why, which file) — the full detail stays one click away.
import type { TFunction } from 'i18next';
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

/** The detail's telling fields, in the order they are shown (each has its word: detail.<field>). */
const SHOWN = ['via', 'count', 'reason', 'comment', 'file', 'sheet', 'new', 'changed', 'year', 'deadline', 'label', 'username', 'role', 'name', 'provinceCode'] as const;
/** Lists shown as their length (list.<field>). */
const LISTS = ['values', 'ids', 'indicatorCodes', 'parkIds'] as const;
const VIAS = ['api', 'import'] as const;

/** Words for stored codes the detail may hold (a role, a province's GB/T 2260 code); null: show the code. */
export interface DetailNames {
  role?: (code: string) => string | null;
  province?: (code: string) => string | null;
}

/**
 * “条数 3 · 原因 更正 · 文件 填报.xlsx”: the detail's telling fields, in a fixed order; lists as their
 * length; a role and a province by their names (角色 省级规划人员, 省份 浙江省), never their codes.
 */
export function describeDetail(detail: unknown, t: TFunction<'audit'>, names: DetailNames = {}): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object') return String(detail);
  const record = detail as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of SHOWN) {
    const v = record[key];
    if (v === null || v === undefined || v === '') continue;
    const shown = typeof v !== 'string' ? v
      : key === 'via' && isOneOf(VIAS, v) ? t(`via.${v}`)
      : key === 'role' ? names.role?.(v) ?? v
      : key === 'provinceCode' ? names.province?.(v) ?? v
      : v;
    if (typeof shown === 'string' || typeof shown === 'number' || typeof shown === 'boolean') parts.push(`${t(`detail.${key}`)} ${String(shown)}`);
  }
  for (const key of LISTS) {
    const v = record[key];
    if (Array.isArray(v) && v.length > 0 && !(key === 'values' && typeof record.count === 'number')) parts.push(`${t(`list.${key}`)} ×${v.length}`);
  }
  return parts.join(' · ');
}

/** The detail in full, indented, as text (never markup). */
export function detailText(detail: unknown): string {
  return detail === null || detail === undefined ? '' : JSON.stringify(detail, null, 2);
}
