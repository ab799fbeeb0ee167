// What each column of a statistics sheet holds. A header names an indicator by the catalogue's name,
// code or synonym, with its unit in brackets ("R&D经费内部支出(万元)"); the planner may say otherwise
// for this file (`mapping`: header → indicator code or 'ignore'), and what a planner said is remembered
// for the next file with that header (table import_column_mappings, global). Columns it cannot match
// are listed with suggestions, and block the file until they are mapped or ignored: a column of figures
// is never dropped without a word.
import type { Kysely } from 'kysely';
import { findIndicator, type Indicator } from '../../shared/indicators.ts';
import { indicatorMatcher, normalizeText } from '../../shared/indicator-match.ts';
import type { ColumnMappingT, ImportColumnT } from '../../shared/schemas.ts';
import { canConvert, type Unit } from '../../shared/units.ts';
import type { Database } from '../db/schema.ts';
import { audit, type Actor } from './audit.ts';
import { notFound } from '../errors.ts';
import { cellText, columnLetter, isNoDataMark, isTotalRowLabel, splitHeader, type HeaderProblem, type WideFile } from './import-file.ts';

/** Header (as written, or without its unit) → indicator code, or 'ignore'. */
export type HeaderMapping = Record<string, string>;

export const IGNORE = 'ignore';

export interface ColumnPlan {
  column: number;
  /** The header's name as compared and remembered. */
  key: string;
  header: string;
  /** The unit its header names; null: the indicator's own unit. */
  unit: Unit | null;
  indicator: Indicator | null;
  /** Problems of the column (its header cell): its cells are not read while it has any. */
  problems: HeaderProblem[];
  report: ImportColumnT;
  /** The planner's choice for this column is new: remembered when the file is committed. */
  remember: boolean;
}

/** Columns of statistics sheets that are never figures: row numbers, where a park is, its level. */
const NOT_INDICATORS = new Set([
  '序号', '编号', '行次', '排序', '所在市', '所在地市', '所在设区市', '地市', '设区市', '城市', '市', '所在地', '所在地区', '地区', '区域',
  '所在县', '所在区县', '县(市、区)', '区县', '级别', '园区级别', '高新区级别', '类别', '类型', '园区类型', '批复时间', '批准时间', '设立时间',
  '认定时间', '获批时间', '升级时间', '联系人', '填报人', '联系电话', '电话', '审核人', '负责人',
].map(normalizeText));

/** The database's indicators with the synonyms the catalogue (shared/indicators.ts) gives them. */
export function withSynonyms(indicators: Map<string, Indicator>): Map<string, Indicator> {
  return new Map([...indicators].map(([code, i]) => {
    const synonymsZh = findIndicator(code)?.synonymsZh;
    return [code, synonymsZh ? { ...i, synonymsZh } : i];
  }));
}

export async function planColumns(db: Kysely<Database>, sheet: WideFile, indicators: Map<string, Indicator>, mapping: HeaderMapping): Promise<ColumnPlan[]> {
  const matcher = indicatorMatcher(indicators.values());
  const requested = new Map<string, string>();
  for (const [header, choice] of Object.entries(mapping)) {
    requested.set(normalizeText(header), choice);
    requested.set(normalizeText(splitHeader(header).name), choice);
  }
  const headers = sheet.headers.filter((h) => h.field === null).map((h) => ({ ...h, ...splitHeader(h.text) }));
  const keys = headers.map((h) => normalizeText(h.name));
  const remembered = new Map((keys.length
    ? await db.selectFrom('import_column_mappings').select(['header_key', 'indicator_code']).where('header_key', 'in', [...new Set(keys)]).execute()
    : []).map((r) => [r.header_key, r.indicator_code ?? IGNORE]));
  const usedBy = new Map<string, number>();

  return headers.map((h, i): ColumnPlan => {
    const key = keys[i]!;
    const letter = columnLetter(h.column);
    const problems: HeaderProblem[] = [];
    const problem = (code: string, zh: string, en: string) => problems.push({ row: sheet.headerRow, column: letter, field: 'header', code, message: zh, messages: { zh, en } });
    const figures = sheet.rows.filter((r) => {
      const cell = r.cells.get(h.column);
      return cell !== undefined && !isNoDataMark(cell) && !isTotalRowLabel(cellText(r.cells.get(sheet.keys.park ?? -1)));
    }).length;

    // What the header means without this request: memory, else the catalogue, else never an indicator.
    const fromCatalogue = matcher.match(h.name) ?? matcher.match(h.text);
    const automatic: { choice: string; by: ImportColumnT['matchedBy'] } | null = remembered.has(key)
      ? { choice: remembered.get(key)!, by: 'remembered' }
      : fromCatalogue ? { choice: fromCatalogue.indicator.code, by: fromCatalogue.by }
        : NOT_INDICATORS.has(key) ? { choice: IGNORE, by: 'auto' } : null;
    const asked = requested.get(normalizeText(h.text)) ?? requested.get(key);
    const decided = asked !== undefined ? { choice: asked, by: 'mapping' as const } : automatic;

    let indicator: Indicator | null = null;
    if (decided && decided.choice !== IGNORE) {
      indicator = indicators.get(decided.choice) ?? null;
      if (!indicator) {
        problem('unknown_indicator', `第 ${letter} 列“${h.text}”对应的指标不存在, 请重新选择`, `Column ${letter} (${h.text}) is mapped to an unknown indicator, ${decided.choice}: choose again`);
      }
    }
    const role: ImportColumnT['role'] = indicator ? 'indicator' : decided?.choice === IGNORE ? 'ignored' : 'unmatched';
    const suggestions = role === 'unmatched' ? matcher.suggest(h.name, h.unit).map((s) => ({ code: s.indicator.code, nameZh: s.indicator.nameZh, unit: s.indicator.unit, score: s.score })) : [];

    if (indicator) {
      const earlier = usedBy.get(indicator.code);
      if (earlier !== undefined) {
        problem('duplicate_column', `第 ${letter} 列“${h.text}”与第 ${columnLetter(earlier)} 列都是“${indicator.nameZh}”: 请忽略其中一列`, `Columns ${columnLetter(earlier)} and ${letter} (${h.text}) are both ${indicator.nameEn}: ignore one of them`);
      } else usedBy.set(indicator.code, h.column);
      if (indicator.kind === 'coverage') {
        problem('not_reported', `“${indicator.nameZh}”由园区名录计算, 不需填报: 请忽略第 ${letter} 列`, `${indicator.nameEn} is computed from the park register, not reported: ignore column ${letter}`);
      } else if (h.unitText !== null) {
        problem('wrong_unit', `第 ${letter} 列表头中的“${h.unitText}”不是可换算为 ${indicator.unit} 的单位, “${indicator.nameZh}”应以 ${indicator.unit} 或可换算的单位填报`, `The unit in column ${letter}'s header, ${h.unitText}, does not convert to ${indicator.unit}, the unit of ${indicator.nameEn}`);
      } else if (h.unit !== null && !canConvert(h.unit, indicator.unit)) {
        problem('wrong_unit', `第 ${letter} 列的单位“${h.unit}”不适用于“${indicator.nameZh}”, 应为 ${indicator.unit} 或可换算的单位`, `Column ${letter}'s unit ${h.unit} does not fit ${indicator.nameEn}: use ${indicator.unit} or a unit that converts to it`);
      }
    } else if (role === 'unmatched' && figures > 0 && problems.length === 0) {
      const hint = suggestions.length ? `; 可能是: ${suggestions.map((s) => s.nameZh).join('、')}` : '';
      const hintEn = suggestions.length ? `; perhaps ${suggestions.map((s) => s.code).join(', ')}` : '';
      problem('unknown_column', `第 ${letter} 列“${h.text}”对应不到任何指标${hint}: 请在“表头对应”中为它选择指标或忽略此列后再导入`, `Column ${letter} (${h.text}) matches no indicator${hintEn}: map it to an indicator or ignore it (mapping) before importing`);
    }

    const choice = indicator ? indicator.code : role === 'ignored' ? IGNORE : null;
    return {
      column: h.column, key, header: h.text, unit: h.unit, indicator, problems,
      remember: decided?.by === 'mapping' && choice !== null && choice !== automatic?.choice,
      report: {
        column: letter, header: h.text, name: h.name, unit: h.unit, unitText: h.unitText, role,
        indicator: indicator && { code: indicator.code, nameZh: indicator.nameZh, unit: indicator.unit },
        matchedBy: role === 'unmatched' ? null : decided!.by, suggestions, figures,
      },
    };
  });
}

/** Keeps the planner's choices for the next file: one row per header, the latest choice wins. */
export async function rememberMappings(db: Kysely<Database>, plans: ColumnPlan[], actor: Actor, now: Date): Promise<void> {
  for (const p of plans) {
    const row = { header_key: p.key, header_text: p.header, indicator_code: p.indicator?.code ?? null, mapped_by_name: actor.username, mapped_at: now.toISOString() };
    await db.insertInto('import_column_mappings').values(row)
      .onConflict((oc) => oc.column('header_key').doUpdateSet({ header_text: row.header_text, indicator_code: row.indicator_code, mapped_by_name: row.mapped_by_name, mapped_at: row.mapped_at }))
      .execute();
  }
}

/** Every remembered choice, newest first: what the next statistics sheet's headers will be read as. */
export async function listMappings(db: Kysely<Database>): Promise<ColumnMappingT[]> {
  const rows = await db.selectFrom('import_column_mappings as m').leftJoin('indicators as i', 'i.code', 'm.indicator_code')
    .select(['m.header_key', 'm.header_text', 'm.indicator_code', 'i.name_zh', 'i.unit', 'm.mapped_by_name', 'm.mapped_at'])
    .orderBy('m.mapped_at', 'desc').orderBy('m.header_key').execute();
  return rows.map((r) => ({
    header: r.header_text, headerKey: r.header_key,
    indicator: r.indicator_code ? { code: r.indicator_code, nameZh: r.name_zh ?? r.indicator_code, unit: r.unit ?? '' } : null,
    mappedBy: r.mapped_by_name, mappedAt: r.mapped_at,
  }));
}

/** Forgets the remembered choice for a header: the next file with it asks again (or matches the catalogue). */
export async function forgetMapping(db: Kysely<Database>, header: string, actor: Actor, now: Date): Promise<void> {
  const keys = [...new Set([normalizeText(header), normalizeText(splitHeader(header).name)])];
  await db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('import_column_mappings').select(['header_key', 'header_text', 'indicator_code']).where('header_key', 'in', keys).execute();
    if (rows.length === 0) throw notFound({ zh: '表头对应', en: 'remembered column mapping' }, header);
    await trx.deleteFrom('import_column_mappings').where('header_key', 'in', rows.map((r) => r.header_key)).execute();
    await audit(trx, actor, now, 'forget_column_mapping', 'import_column_mappings', rows[0]!.header_key, { forgotten: rows });
  });
}
