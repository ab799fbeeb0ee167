// The API's request and response shapes, written once and used by the server (validation, OpenAPI)
// and the web (types, parsing).
import { z } from 'zod';
import { STATUSES } from './progress.ts';
import { UNITS } from './units.ts';

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string().describe('machine-readable: not_found, invalid_request, …'),
    message: z.string().describe('what is wrong, in Chinese and English'),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const ParkLevel = z.enum(['national', 'provincial', 'other']);
export const RegionLevel = z.enum(['nation', 'province', 'city', 'county']);
export const Comparator = z.enum(['at_least', 'more_than', 'at_most', 'less_than', 'about']);
export const Status = z.enum(STATUSES);
export const ValueStatus = z.enum(['draft', 'submitted', 'approved']);
export const TargetScope = z.enum(['park', 'park_class', 'province_aggregate', 'coverage']);
export const UnitSchema = z.enum(UNITS);

export const Health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });

export const Region = z.object({
  code: z.string().describe('GB/T 2260 code, six digits'),
  name: z.string(),
  level: RegionLevel,
  parentCode: z.string().nullable(),
});

export const SourceRef = z.object({
  code: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  publishedOn: z.string().nullable(),
  url: z.string().nullable(),
  reliability: z.enum(['official', 'secondary']),
});

export const Park = z.object({
  id: z.number().int(),
  name: z.string(),
  aliases: z.array(z.string()),
  level: ParkLevel,
  provinceCode: z.string(),
  provinceName: z.string(),
  cityCode: z.string().nullable(),
  cityName: z.string().nullable(),
  countyCode: z.string().nullable(),
  countyName: z.string().nullable(),
  approvedOn: z.string().nullable(),
  approvalYear: z.number().int().nullable(),
  source: SourceRef.nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const Indicator = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  direction: z.enum(['up', 'down']),
  kind: z.enum(['amount', 'count', 'ratio', 'share', 'percent', 'rank', 'coverage']),
  aggregation: z.enum(['sum', 'ratio_of_sums', 'share_of_province', 'coverage_count', 'none']),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  factor: z.number().nullable(),
  shareOf: z.string().nullable(),
  definitionZh: z.string().nullable(),
});

export const Plan = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  issuer: z.string().nullable(),
  documentNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  regionCode: z.string().nullable(),
  url: z.string().nullable(),
  note: z.string().nullable(),
  source: SourceRef.nullable(),
  targetCount: z.number().int(),
});

export const RegionRef = z.object({ code: z.string(), name: z.string() });

export const Scope = z.object({
  kind: TargetScope,
  label: z.string().describe('the subject as the policy names it'),
  parkId: z.number().int().nullable(),
  parkName: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  parkLevel: ParkLevel.nullable().describe('park_class: the class; province_aggregate: lowest level included; coverage: level required'),
  regionSetLabel: z.string().nullable(),
  regions: z.array(RegionRef).describe('coverage: the region set'),
});

export const IndicatorRef = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.string(), kind: z.string() });

export const Target = z.object({
  id: z.number().int(),
  code: z.string(),
  plan: z.object({ id: z.number().int(), code: z.string(), title: z.string() }),
  indicator: IndicatorRef,
  scope: Scope,
  comparator: Comparator,
  tolerance: z.number().nullable().describe('about: share of the target value (default 0.05)'),
  targetValue: z.number().nullable().describe('null for coverage targets: every member of the set'),
  unit: z.string(),
  targetYear: z.number().int(),
  baselineYear: z.number().int().nullable(),
  baselineValue: z.number().nullable(),
  quote: z.string().nullable(),
  quoteLocation: z.string().nullable(),
  note: z.string().nullable(),
  supersedesId: z.number().int().nullable(),
  source: SourceRef.nullable(),
});

const nullableNumber = z.number().nullable();

export const ProgressOutputs = z.object({
  status: Status,
  attained: z.boolean().nullable(),
  direction: z.enum(['up', 'down']),
  latestYear: z.number().int().nullable(),
  latestValue: nullableNumber,
  baselineYear: z.number().int().nullable().describe('the baseline used: the target’s own, else the earliest value'),
  baselineValue: nullableNumber,
  progress: nullableNumber,
  elapsed: nullableNumber,
  expected: nullableNumber,
  gap: nullableNumber,
  gapRelative: nullableNumber,
  requiredPace: nullableNumber,
  observedPace: nullableNumber,
  paceRatio: nullableNumber,
  neededPaceFromNow: nullableNumber,
  neededGrowthRateFromNow: nullableNumber,
  projected: nullableNumber,
  projectedAttained: z.boolean().nullable(),
  awaitingFinal: z.boolean(),
});

export const CoverageInfo = z.object({
  asOfYear: z.number().int().describe('the year through which the park register is confirmed'),
  regionsTotal: z.number().int(),
  coveredCount: z.number().int(),
  covered: z.array(RegionRef.extend({ parks: z.array(z.object({ id: z.number().int(), name: z.string(), approvalYear: z.number().int().nullable() })) })),
  uncovered: z.array(RegionRef),
});

export const ExcludedPark = z.object({
  parkId: z.number().int(),
  parkName: z.string(),
  year: z.number().int(),
  reason: z.enum(['ratio_only', 'missing_numerator', 'missing_denominator']),
  reportedValue: z.number().nullable().describe('the ratio as the park reported it, when it did'),
});

export const AggregateInfo = z.object({
  year: z.number().int().nullable(),
  parksIncluded: z.number().int(),
  parksExpected: z.number().int(),
  provisional: z.boolean(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** What it would take, for ratio and share targets, in the numerator's unit. */
  extraNeeded: z.number().nullable(),
  extraNeededUnit: z.string().nullable(),
  excluded: z.array(ExcludedPark).describe('parks with figures that an aggregate built from parts could not include'),
});

export const ParkProgress = ProgressOutputs.extend({ parkId: z.number().int(), parkName: z.string() });

export const ProgressEntry = ProgressOutputs.extend({
  id: z.number().int(),
  code: z.string(),
  indicator: IndicatorRef,
  scope: Scope,
  plan: z.object({ id: z.number().int(), code: z.string(), title: z.string() }),
  comparator: Comparator,
  tolerance: z.number().nullable(),
  targetValue: nullableNumber.describe('for coverage targets: the size of the set'),
  targetYear: z.number().int(),
  unit: z.string(),
  quote: z.string().nullable(),
  source: SourceRef.nullable(),
  coverage: CoverageInfo.nullable(),
  aggregate: AggregateInfo.nullable(),
  parks: z.array(ParkProgress).nullable().describe('park_class: each park of the class'),
});

export const SeriesPoint = z.object({
  year: z.number().int(),
  value: z.number(),
  basis: z.enum(['parts', 'reported', 'aggregate', 'register']),
  reportedValue: z.number().optional(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  parksIncluded: z.number().int().optional(),
  parksExpected: z.number().int().optional(),
  provisional: z.boolean().optional(),
});

export const BreakdownRow = z.object({
  parkId: z.number().int(),
  parkName: z.string(),
  year: z.number().int(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** ratio targets: max(0, T·den − num) in the numerator's unit; what this park would need. */
  need: z.number().nullable(),
});

export const ProgressDetail = ProgressEntry.extend({
  series: z.array(SeriesPoint),
  path: z.array(z.object({ year: z.number().int(), value: z.number() })).describe('straight line from baseline to target'),
  projection: z.array(z.object({ year: z.number().int(), value: z.number() })).describe('latest value carried at the observed pace to the target year'),
  breakdown: z.array(BreakdownRow).describe('aggregate targets: the parks, most needed first'),
  needUnit: z.string().nullable(),
});

export const ReportedValue = z.object({
  id: z.number().int(),
  subject: z.object({
    kind: z.enum(['park', 'region', 'zones']),
    parkId: z.number().int().nullable(),
    parkName: z.string().nullable(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
  }),
  indicator: IndicatorRef,
  year: z.number().int(),
  value: z.number(),
  unit: z.string(),
  status: ValueStatus,
  note: z.string().nullable(),
  source: SourceRef.nullable(),
  enteredBy: z.string(),
  enteredAt: z.string(),
  version: z.number().int(),
});

export const ParkDetail = Park.extend({
  latest: z.array(ReportedValue).describe('the latest figure of each indicator'),
  targets: z.array(z.object({ id: z.number().int(), code: z.string(), indicatorCode: z.string() })),
});

// --- query parameters ---------------------------------------------------------------------------

const intParam = z.coerce.number().int();

export const ParksQuery = z.object({
  province: z.string().optional().describe('province code, e.g. 330000'),
  city: z.string().optional().describe('city code, e.g. 330100'),
  level: ParkLevel.optional(),
});

export const RegionsQuery = z.object({
  level: RegionLevel.optional(),
  parent: z.string().optional().describe('parent code: the cities of 330000'),
});

export const TargetsQuery = z.object({
  plan: z.string().optional().describe('plan id or code'),
  province: z.string().optional(),
  park: intParam.optional(),
  targetYear: intParam.optional(),
});

export const ProgressQuery = TargetsQuery.extend({
  basis: z.enum(['approved', 'submitted']).default('approved').describe('submitted: include figures awaiting approval'),
});

export const ValuesQuery = z.object({
  park: intParam.optional(),
  region: z.string().optional().describe('region code: figures of the region itself and of its zones as a whole'),
  indicator: z.string().optional(),
  from: intParam.optional(),
  to: intParam.optional(),
  status: ValueStatus.optional(),
});

export const IdParam = z.object({ id: intParam.positive() });

export type ProgressEntryT = z.infer<typeof ProgressEntry>;
export type ProgressDetailT = z.infer<typeof ProgressDetail>;
export type ParkT = z.infer<typeof Park>;
export type TargetT = z.infer<typeof Target>;
export type ReportedValueT = z.infer<typeof ReportedValue>;
export type SourceRefT = z.infer<typeof SourceRef>;
