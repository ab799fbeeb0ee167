// The extractor's candidates (shared/extract.ts, pure) with what a planner needs to accept them in one
// step: for each candidate the target(s) to send to POST /api/targets (or with POST /api/plans), the
// parks the text names and the cities of a 全覆盖 resolved in the register where they can be, and the
// fields still to fill. Nothing here guesses beyond the register: an unmatched park stays missing.
// A target said two ways is accepted as one: its stretch value goes into its drafts, a restatement into
// its note, and the alternative candidates carry no drafts of their own.
// An uploaded .docx or PDF is read into text first (documents.ts) and then extracted exactly as pasted.
import type { Kysely } from 'kysely';
import { extractTargets, type Candidate, type ExtractionResult } from '../../shared/extract.ts';
import type { Indicator } from '../../shared/indicators.ts';
import type { ExtractResultT, TargetDraftT } from '../../shared/schemas.ts';
import type { Database, ParkLevel } from '../db/schema.ts';
import { indicatorsByCode } from './catalog.ts';
import { readDocument } from './documents.ts';

/** 家 and 个 both count things: a count of 个 serves an indicator counted in 家 and the other way round. */
const COUNT_UNITS = new Set(['家', '个']);

interface ParkRow {
  id: number;
  name: string;
  aliases: string | null;
  level: ParkLevel;
  province_code: string;
}

/** The one park the words name ("杭州" → 杭州高新区(滨江), "钱塘区" → its alias), or undefined when none or several do. */
function matchPark(parks: ParkRow[], words: string, level: 'national' | 'provincial' | null, province: string | null): ParkRow | undefined {
  const names = (p: ParkRow) => [p.name, ...(p.aliases ? p.aliases.split('；') : [])];
  const stem = words.replace(/(?:国家级|国家|省级)?(?:高新技术产业开发区|高新区|开发区|园区)$/, '') || words;
  const pools = province ? [parks.filter((p) => p.province_code === province), parks] : [parks];
  for (const pool of pools) {
    const exact = pool.filter((p) => names(p).includes(words));
    if (exact.length === 1) return exact[0];
    // names before aliases: 杭州 is 杭州高新区(滨江), not the 杭州钱塘高新区 another park is also called
    for (const named of [(p: ParkRow) => [p.name], names]) {
      let hits = pool.filter((p) => named(p).some((n) => n.startsWith(stem)));
      if (hits.length > 1 && level) hits = hits.filter((p) => p.level === level);
      if (hits.length === 1) return hits[0];
      if (hits.length > 1) return undefined;
    }
  }
  return undefined;
}

function draftUnit(c: Candidate, indicator: Indicator | undefined): string | undefined {
  if (!indicator) return c.unit ?? undefined;
  if (c.unit === null || (COUNT_UNITS.has(c.unit) && COUNT_UNITS.has(indicator.unit))) return indicator.unit;
  return c.unit;
}

interface ExtractRequest {
  documentYear?: number | null;
  regionCode?: string | null;
}

/** Candidates of an uploaded document, with the text read from it (every span points into that text). */
export async function extractFromDocument(db: Kysely<Database>, file: { name: string; bytes: Uint8Array }, request: ExtractRequest): Promise<ExtractResultT> {
  const { document, extraction } = await readDocument(file.name, file.bytes, { documentYear: request.documentYear });
  const result = await withDrafts(db, document.text, extraction, request);
  return { ...result, text: document.text, document: { fileName: file.name, format: document.format, pages: document.pages, characters: document.text.length } };
}

export function extractWithDrafts(db: Kysely<Database>, body: ExtractRequest & { text: string }): Promise<ExtractResultT> {
  return withDrafts(db, body.text, extractTargets(body.text, { documentYear: body.documentYear ?? null }), body);
}

/** Each candidate with the target(s) to send back, looked up in the register for the request's province. */
async function withDrafts(db: Kysely<Database>, text: string, result: ExtractionResult, body: ExtractRequest): Promise<ExtractResultT> {
  const [indicators, parks, region] = await Promise.all([
    indicatorsByCode(db),
    db.selectFrom('parks').select(['id', 'name', 'aliases', 'level', 'province_code']).orderBy('id').execute(),
    body.regionCode
      ? db.selectFrom('regions as r').leftJoin('regions as p', 'p.code', 'r.parent_code')
        .select(['r.code', 'r.level', 'r.parent_code', 'p.parent_code as grandparent_code']).where('r.code', '=', body.regionCode).executeTakeFirst()
      : undefined,
  ]);
  const province = !region ? null : region.level === 'province' ? region.code : region.level === 'city' ? region.parent_code : region.level === 'county' ? region.grandparent_code : null;
  const cities = province ? (await db.selectFrom('regions').select('code').where('parent_code', '=', province).where('level', '=', 'city').orderBy('code').execute()).map((r) => r.code) : [];
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const register: Register = { indicators, parks, province, cities, paragraphOf: (pos) => lineStarts.filter((start) => start <= pos).length };
  const candidates = result.candidates.map((c) => ({
    ...c,
    // an alternative is accepted with its target: its stretch value in the target's drafts, a restatement in its note
    drafts: c.alternativeOf !== null ? [] : draftsOf(c, result.candidates.filter((r) => r.alternativeOf === c.id && r.alternative === 'restatement'), register),
  }));
  return { ...result, candidates };
}

/** What the drafts are resolved against: the catalogue, the park register and the request's province. */
interface Register {
  indicators: Map<string, Indicator>;
  parks: ParkRow[];
  province: string | null;
  cities: string[];
  paragraphOf: (pos: number) => number;
}

const missing = (d: TargetDraftT, ...fields: string[]): TargetDraftT => ({ ...d, missing: [...new Set([...d.missing, ...fields])] });

/** The target(s) one candidate becomes: one per park the text names; province, class or region set otherwise. */
function draftsOf(c: Candidate, restatements: readonly Candidate[], register: Register): TargetDraftT[] {
  const { province } = register;
  const base = baseDraft(c, restatements, register);
  let drafts: TargetDraftT[];
  switch (c.scope.kind) {
    case 'park': {
      const names = c.scope.places.length > 1 ? c.scope.places : [c.scope.words ?? ''];
      drafts = names.map((words) => {
        const park = words ? matchPark(register.parks, words, c.scope.parkLevel, province) : undefined;
        const d: TargetDraftT = { ...base, parkId: park?.id ?? null, subjectLabel: park?.name ?? (words || undefined) };
        return park ? d : missing(d, 'parkId');
      });
      break;
    }
    case 'province_aggregate':
    case 'park_class': {
      // "高新区" of a province: its zones of provincial level and above, as the seed reads T1–T4
      const d: TargetDraftT = { ...base, regionCode: province, parkLevel: c.scope.parkLevel ?? (c.scope.kind === 'province_aggregate' ? 'provincial' : null) };
      drafts = [!province ? missing(d, 'regionCode') : c.scope.kind === 'park_class' && !c.scope.parkLevel ? missing(d, 'parkLevel') : d];
      break;
    }
    case 'coverage': {
      // 设区市 / 地级市: every prefecture-level city of the province; other sets (工业大县) are the planner's to list.
      const set = c.scope.regionSet?.words ?? '';
      const citySet = /设区市|地级(?:及)?以上(?:城)?市|地级市|地市|城市/.test(set) || set === '市';
      let d: TargetDraftT = { ...base, regionCode: province, parkLevel: c.scope.parkLevel, regionSetLabel: set || null, regionCodes: citySet ? register.cities : [] };
      if (!c.scope.parkLevel) d = missing(d, 'parkLevel');
      if (!d.regionCodes?.length) d = missing(d, 'regionCodes');
      drafts = [d];
      break;
    }
    default:
      drafts = [missing(base, 'scope')];
  }
  return drafts.map((d) => (d.indicator ? d : missing(d, 'indicator')));
}

/** The fields every draft of a candidate shares: indicator, comparator, values, year, quote and notes. */
function baseDraft(c: Candidate, restatements: readonly Candidate[], register: Register): TargetDraftT {
  const indicator = c.indicator.code ? register.indicators.get(c.indicator.code) : undefined;
  const notes = [
    c.cumulative && '累计值 (cumulative)', c.annual && '年均/每年 (per year)', c.change && (c.change === 'increase' ? '增加量或增幅 (an increase)' : '减少量或降幅 (a decrease)'),
    c.indicator.relatedCode && `所涉指标: ${c.indicator.relatedCode}`, ...restatements.map((r) => `亦表述为“${r.quote}” (also said as a change)`),
  ].filter(Boolean).join('; ');
  return {
    indicator: indicator?.code ?? null,
    scope: c.scope.kind,
    comparator: c.comparator,
    targetValue: c.value,
    tolerance: c.tolerance,
    unit: draftUnit(c, indicator),
    targetYear: c.targetYear,
    baselineYear: c.baseline?.year ?? null,
    baselineValue: c.baseline?.value ?? null,
    stretchValue: c.stretchValue,
    quote: c.quote,
    quoteStart: c.span.start,
    quoteEnd: c.span.end,
    quoteLocation: `第${register.paragraphOf(c.span.start)}段`,
    note: notes || null,
    subjectLabel: c.scopeWords ?? undefined,
    extraction: { candidateId: c.id, confidence: c.confidence },
    missing: [],
  };
}
