// The rules a target's own values follow, written once: the server checks every target write with
// them (server/services/target-writes.ts), and the web's two target forms — the extraction cards and
// the target editor — check as the planner types, with the same words in Chinese and English. What
// needs the database (the park and the regions exist and lie in the province, the quote sits at its
// span, codes are free, which target replaces which) stays with the server.
import type { Bilingual } from './locale.ts';
import { canConvert, convert, isUnit } from './units.ts';

export type TargetScopeKind = 'park' | 'park_class' | 'province_aggregate' | 'coverage';
export type TargetComparator = 'at_least' | 'more_than' | 'about' | 'at_most' | 'less_than';
export type TargetParkLevel = 'national' | 'provincial' | 'other';

export const TARGET_COMPARATORS: readonly TargetComparator[] = ['at_least', 'more_than', 'about', 'at_most', 'less_than'];
export const TARGET_SCOPES: readonly TargetScopeKind[] = ['province_aggregate', 'park_class', 'park', 'coverage'];
export const TARGET_PARK_LEVELS: readonly TargetParkLevel[] = ['national', 'provincial', 'other'];

/** Target years the product accepts (the API's schema says the same). */
export const TARGET_YEARS = { min: 1990, max: 2100 } as const;

/** What the rules need of an indicator of the catalogue. */
export interface RuleIndicator {
  code: string;
  nameZh: string;
  nameEn?: string;
  unit: string;
  kind: string;
}

/** The fields of a target as the API names them; a form shows each problem at its field. */
export type TargetField =
  | 'indicator' | 'scope' | 'targetValue' | 'unit' | 'targetYear' | 'tolerance' | 'baselineYear' | 'baselineValue' | 'stretchValue' | 'parkId' | 'parkLevel';

export type TargetRuleCode =
  | 'indicator_required' | 'unknown_indicator' | 'scope_required' | 'scope_mismatch' | 'park_required' | 'level_required'
  | 'value_required' | 'not_a_number' | 'wrong_unit' | 'negative' | 'over_100' | 'not_integer' | 'rank_below_one' | 'over_set_size'
  | 'stretch_not_beyond' | 'year_invalid' | 'tolerance_invalid' | 'tolerance_not_about' | 'baseline_year_required' | 'baseline_not_before_target';

export interface TargetRuleProblem {
  field: TargetField;
  code: TargetRuleCode;
  message: Bilingual;
}

/** A target's values, numbers already read (a form reads its text with `readTargetForm`). */
export interface TargetValues {
  /** The catalogue code as given; '' when none is chosen. */
  indicatorCode: string;
  /** The indicator of that code; undefined when the catalogue has none. */
  indicator: RuleIndicator | undefined;
  /** null when none is chosen. */
  scope: TargetScopeKind | null;
  comparator: TargetComparator;
  targetValue: number | null;
  /** The unit the target value is given in; undefined or '' for the indicator's own. */
  unit?: string | undefined;
  /** About: a share of the target value (0.05 = ±5%); null for the default. */
  tolerance: number | null;
  targetYear: number | null;
  baselineYear: number | null;
  baselineValue: number | null;
  /** The unit of the baseline value; undefined or '' for the indicator's own. */
  baselineUnit?: string | undefined;
  /** 力争值: what the plan strives for beyond the target, in the target value's unit; null when none. */
  stretchValue?: number | null;
  /** Scope park: the park of each target (a form may hold several, one target each). */
  parkIds?: readonly (number | null)[];
  parkLevel?: TargetParkLevel | null;
  /** Coverage: how many regions the set holds (a target value cannot be larger). */
  regionCount?: number;
}

export interface CheckedTargetValues {
  problems: TargetRuleProblem[];
  /** The target, baseline and stretch values in the indicator's unit (as given when they do not convert). */
  targetValue: number | null;
  baselineValue: number | null;
  stretchValue: number | null;
}

const COUNT_UNITS = new Set(['家', '个']);

/** A value given in `unit`, in the indicator's unit; null when the unit does not fit the indicator. */
export function inIndicatorUnit(value: number, unit: string | undefined, indicator: RuleIndicator): number | null {
  if (!unit || unit === indicator.unit) return value;
  // 家 and 个 count the same things; a coverage indicator counts regions in either.
  if (COUNT_UNITS.has(unit) && (COUNT_UNITS.has(indicator.unit) || indicator.kind === 'coverage')) return value;
  if (isUnit(unit) && isUnit(indicator.unit) && canConvert(unit, indicator.unit)) return convert(value, unit, indicator.unit);
  return null;
}

/** Whether values in `unit` can be stored in the indicator's unit. */
export function unitFits(unit: string | undefined, indicator: RuleIndicator): boolean {
  return inIndicatorUnit(1, unit, indicator) !== null;
}

const name = (i: RuleIndicator) => `“${i.nameZh}”`;
const nameEn = (i: RuleIndicator) => i.nameEn ?? i.code;

/** Every rule a target's values break, in the order of the form (indicator, scope, values, years). */
export function checkTargetValues(v: TargetValues): CheckedTargetValues {
  const problems: TargetRuleProblem[] = [];
  const add = (field: TargetField, code: TargetRuleCode, zh: string, en: string) => problems.push({ field, code, message: { zh, en } });
  const indicator = v.indicator;

  if (!v.indicatorCode) add('indicator', 'indicator_required', '请选择指标', 'Choose an indicator');
  else if (!indicator) add('indicator', 'unknown_indicator', `指标“${v.indicatorCode}”不存在`, `Unknown indicator ${v.indicatorCode}`);
  if (!v.scope) add('scope', 'scope_required', '请选择范围', 'Choose a scope');
  else if (indicator && (indicator.kind === 'coverage') !== (v.scope === 'coverage')) {
    if (v.scope === 'coverage') add('scope', 'scope_mismatch', `${name(indicator)}不是覆盖类指标, 不能按地区集合计算`, `${nameEn(indicator)} is not a coverage indicator: a coverage scope needs one`);
    else add('scope', 'scope_mismatch', `${name(indicator)}是覆盖类指标, 范围应为地区集合 coverage`, `${nameEn(indicator)} is a coverage indicator: it needs the coverage scope`);
  }
  if (v.scope === 'park' && v.parkIds && (v.parkIds.length === 0 || v.parkIds.some((id) => id === null))) {
    add('parkId', 'park_required', '请选择园区', 'One park’s target needs the park (parkId)');
  }
  if (v.scope === 'park_class' && !v.parkLevel) add('parkLevel', 'level_required', '请指定园区级别', 'Say which level of parks (parkLevel)');
  if (v.scope === 'coverage' && !v.parkLevel) add('parkLevel', 'level_required', '请指定所需园区级别', 'Say which level of park covers a region (parkLevel)');

  // Values, in the indicator's unit.
  const converted = (field: 'targetValue' | 'baselineValue' | 'stretchValue', value: number | null, unit: string | undefined): number | null => {
    if (value === null || !indicator) return value;
    const inUnit = inIndicatorUnit(value, unit, indicator);
    if (inUnit !== null) return inUnit;
    add(field === 'targetValue' ? 'unit' : field, 'wrong_unit', `单位“${unit}”不适用于${name(indicator)}, 应为 ${indicator.unit} 或可换算的单位`, `The unit ${unit} does not fit ${nameEn(indicator)}: use ${indicator.unit} or a unit that converts to it`);
    return value;
  };
  const targetValue = converted('targetValue', v.targetValue, v.unit);
  const baselineValue = converted('baselineValue', v.baselineValue, v.baselineUnit);
  const stretchValue = converted('stretchValue', v.stretchValue ?? null, v.unit);
  const checkValue = (field: 'targetValue' | 'baselineValue' | 'stretchValue', value: number | null) => {
    if (value === null || !indicator) return;
    if (value < 0) add(field, 'negative', `${name(indicator)}不能为负数`, `${nameEn(indicator)} must not be negative`);
    if ((indicator.kind === 'percent' || indicator.kind === 'share') && value > 100) add(field, 'over_100', `${name(indicator)}不能超过100%`, `${nameEn(indicator)} cannot exceed 100%`);
    if (['count', 'rank', 'coverage'].includes(indicator.kind) && !Number.isInteger(value)) add(field, 'not_integer', `${name(indicator)}应为整数`, `${nameEn(indicator)} must be a whole number`);
    if (indicator.kind === 'rank' && value < 1) add(field, 'rank_below_one', '排名从1开始', 'Ranks start at 1');
  };
  if (targetValue === null && v.scope !== 'coverage') add('targetValue', 'value_required', '请填写目标值', 'A target value is required');
  checkValue('targetValue', targetValue);
  checkValue('baselineValue', baselineValue);
  checkValue('stretchValue', stretchValue);
  if (stretchValue !== null && targetValue !== null) {
    // 力争 asks for more than the target: above it, or below it for a ceiling (不超过, 控制在…以内)
    const ceiling = v.comparator === 'at_most' || v.comparator === 'less_than';
    if (ceiling ? stretchValue >= targetValue : stretchValue <= targetValue) {
      add('stretchValue', 'stretch_not_beyond', `力争值 ${stretchValue} 应${ceiling ? '低于' : '高于'}目标值 ${targetValue}`, `The stretch value ${stretchValue} must be ${ceiling ? 'below' : 'above'} the target ${targetValue}`);
    }
  }
  if (v.scope === 'coverage' && targetValue !== null && v.regionCount !== undefined && v.regionCount > 0 && targetValue > v.regionCount) {
    add('targetValue', 'over_set_size', `目标值 ${targetValue} 超过地区集合的 ${v.regionCount} 个地区`, `The target ${targetValue} is more than the ${v.regionCount} regions of the set`);
  }
  if (v.targetYear === null || !Number.isInteger(v.targetYear) || v.targetYear < TARGET_YEARS.min || v.targetYear > TARGET_YEARS.max) {
    add('targetYear', 'year_invalid', `年份应为 ${TARGET_YEARS.min}–${TARGET_YEARS.max} 的整数`, `a year is a whole number from ${TARGET_YEARS.min} to ${TARGET_YEARS.max}`);
  }
  if (v.tolerance !== null) {
    if (v.comparator !== 'about') add('tolerance', 'tolerance_not_about', '只有“左右”(about) 目标有容差', 'Only an about target has a tolerance');
    else if (!(v.tolerance > 0 && v.tolerance < 1)) add('tolerance', 'tolerance_invalid', '容差应大于 0% 且小于 100%', 'The tolerance must be more than 0% and less than 100%');
  }
  if (v.baselineYear !== null && !Number.isInteger(v.baselineYear)) add('baselineYear', 'year_invalid', '基期年份应为整数', 'a year is a whole number');
  else if (baselineValue !== null && v.baselineYear === null) add('baselineYear', 'baseline_year_required', '有基期值时请填写基期年份', 'A baseline value needs its year');
  else if (v.baselineYear !== null && v.targetYear !== null && v.baselineYear >= v.targetYear) {
    add('baselineYear', 'baseline_not_before_target', `基期 ${v.baselineYear} 应早于目标年 ${v.targetYear}`, `The baseline year ${v.baselineYear} must come before the target year ${v.targetYear}`);
  }
  return { problems, targetValue, baselineValue, stretchValue };
}

// --- forms: the same rules over text as typed ------------------------------------------------------

/** A number as typed (1,234.5 or full-width digits): null when empty, NaN when not a number. */
export function parseNumberInput(text: string): number | null {
  const t = text.trim().replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '');
  if (t === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
}

/** A target as a form holds it: numbers are the text typed; the tolerance in percent (5 = ±5%). */
export interface TargetFormText {
  indicator: string;
  scope: TargetScopeKind | '';
  comparator: TargetComparator;
  targetValue: string;
  unit: string;
  tolerance: string;
  targetYear: string;
  baselineYear: string;
  baselineValue: string;
  parkIds?: readonly (number | null)[];
  parkLevel?: TargetParkLevel | '' | null;
  regionCount?: number;
}

/** A form's numbers, read: null when empty, NaN when not a number. */
export interface ReadTargetForm {
  targetValue: number | null;
  /** A share of the target value (the form's 5 is 0.05); null when empty or not about. */
  tolerance: number | null;
  targetYear: number | null;
  baselineYear: number | null;
  baselineValue: number | null;
}

export function readTargetForm(form: Pick<TargetFormText, 'comparator' | 'targetValue' | 'tolerance' | 'targetYear' | 'baselineYear' | 'baselineValue'>): ReadTargetForm {
  const tolerance = form.comparator === 'about' ? parseNumberInput(form.tolerance) : null;
  return {
    targetValue: parseNumberInput(form.targetValue),
    tolerance: tolerance === null || Number.isNaN(tolerance) ? tolerance : Number((tolerance / 100).toPrecision(12)),
    targetYear: parseNumberInput(form.targetYear),
    baselineYear: parseNumberInput(form.baselineYear),
    baselineValue: parseNumberInput(form.baselineValue),
  };
}

/** What is wrong with a target form, field by field: text that is not a number, then the rules above. */
export function checkTargetForm(form: TargetFormText, catalogue: ReadonlyMap<string, RuleIndicator>): TargetRuleProblem[] {
  const read = readTargetForm(form);
  const problems: TargetRuleProblem[] = [];
  const notANumber = (field: TargetField) => problems.push({ field, code: 'not_a_number', message: { zh: '不是数字', en: 'not a number' } });
  const known = (field: TargetField, value: number | null) => {
    if (value !== null && Number.isNaN(value)) {
      notANumber(field);
      return null;
    }
    return value;
  };
  const targetValue = known('targetValue', read.targetValue);
  const baselineValue = known('baselineValue', read.baselineValue);
  const baselineYear = known('baselineYear', read.baselineYear);
  const tolerance = read.tolerance !== null && Number.isNaN(read.tolerance) ? Number.NaN : read.tolerance;
  const { problems: rules } = checkTargetValues({
    indicatorCode: form.indicator, indicator: form.indicator ? catalogue.get(form.indicator) : undefined,
    scope: form.scope || null, comparator: form.comparator,
    targetValue, unit: form.unit, baselineValue, baselineUnit: form.unit,
    // a tolerance that is not a number is out of range, said at its field
    tolerance: tolerance !== null && Number.isNaN(tolerance) ? -1 : tolerance,
    targetYear: read.targetYear !== null && Number.isNaN(read.targetYear) ? null : read.targetYear,
    baselineYear,
    ...(form.parkIds ? { parkIds: form.parkIds } : {}),
    parkLevel: form.parkLevel || null,
    ...(form.regionCount !== undefined ? { regionCount: form.regionCount } : {}),
  });
  // a field whose text is not a number has said so: no second problem there
  return [...problems, ...rules.filter((r) => !problems.some((p) => p.field === r.field))];
}

/** A problem's message in one language, or both as the API writes them: “中文 (English)”. */
export function ruleMessage(problem: Pick<TargetRuleProblem, 'message'>, locale?: 'zh' | 'en'): string {
  return locale ? problem.message[locale] : `${problem.message.zh} (${problem.message.en})`;
}
