// The API's request and response shapes, written once and used by the server (validation, OpenAPI)
// and the web (types, parsing).
import { z } from 'zod';
import { STATUS_REASONS, STATUSES } from './progress.ts';
import { UNITS } from './units.ts';

/** A text for a person in both of the interface's languages. */
export const Bilingual = z.object({ zh: z.string(), en: z.string() });
export type BilingualT = z.infer<typeof Bilingual>;

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string().describe('machine-readable: not_found, invalid_request, …'),
    message: z.string().describe('what is wrong, in the request’s language: English when Accept-Language starts with `en`, else Chinese'),
    messages: Bilingual.optional().describe('the same in Chinese and in English'),
    details: z.array(z.object({ path: z.string(), message: z.string(), messages: Bilingual.optional() })).optional()
      .describe('each field that is wrong: its path and what is wrong with it'),
  }),
});

export const ParkLevel = z.enum(['national', 'provincial', 'other']);
export const RegionLevel = z.enum(['nation', 'province', 'city', 'county']);
export const Comparator = z.enum(['at_least', 'more_than', 'at_most', 'less_than', 'about']);
export const Status = z.enum(STATUSES);
/** city_approved: approved by the city, waiting for the province (a province reviewing in two levels). */
export const ValueStatus = z.enum(['draft', 'submitted', 'city_approved', 'approved']);
export const TargetScope = z.enum(['park', 'park_class', 'province_aggregate', 'coverage']);
export const UnitSchema = z.enum(UNITS);

export const Health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });

export const Region = z.object({
  code: z.string().describe('GB/T 2260 code, six digits'),
  name: z.string(),
  level: RegionLevel,
  parentCode: z.string().nullable(),
  reviewLevels: z.union([z.literal(1), z.literal(2)]).describe('a province’s review: 1 (planners approve) or 2 (the city first, then planners); 1 for cities and counties'),
});

export const UpdateRegionBody = z.object({
  reviewLevels: z.union([z.literal(1), z.literal(2)]).describe('1: planners approve submitted figures; 2: a city reviewer approves first, then planners'),
});

export const CodeParam = z.object({ code: z.string().regex(/^\d{6}$/) });

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
  version: z.number().int().describe('send it back to change the plan (PATCH)'),
  documentLength: z.number().int().describe('characters of the stored document text (0: none); the text itself is in GET /api/plans/{id}'),
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

/** Another horizon of the same aim: the target this one replaces, or the one that replaces it. */
export const TargetLink = z.object({
  id: z.number().int(),
  code: z.string(),
  targetYear: z.number().int(),
  targetValue: z.number().nullable(),
  comparator: z.enum(['at_least', 'more_than', 'at_most', 'less_than', 'about']),
  unit: z.string(),
  plan: z.object({ id: z.number().int(), code: z.string(), title: z.string() }),
});

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
  // optional in the type only (the server always sends it), so clients built before it still compile
  stretchValue: z.number().nullable().optional().describe('力争值: the value the plan strives for beyond the target (达到4万家以上、力争达到5万家), in the target’s unit; null when none'),
  quote: z.string().nullable(),
  quoteLocation: z.string().nullable(),
  note: z.string().nullable(),
  supersedesId: z.number().int().nullable(),
  source: SourceRef.nullable(),
  quoteStart: z.number().int().nullable().describe('the quote is plan.documentText.slice(quoteStart, quoteEnd)'),
  quoteEnd: z.number().int().nullable(),
  version: z.number().int().describe('send it back to change the target (PATCH)'),
  supersededById: z.number().int().nullable().describe('the later target that replaces this one'),
  supersedes: TargetLink.nullable().describe('the earlier horizon this target replaces (2025 → 2027)'),
  supersededBy: TargetLink.nullable().describe('the later horizon that replaces this target'),
});

const nullableNumber = z.number().nullable();

export const StatusReason = z.enum(STATUS_REASONS);

export const Missing = z.object({
  indicators: z.array(z.string()).describe('indicator codes whose figures are missing'),
  indicatorNames: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })).describe('the same indicators with their names'),
  parks: z.array(z.object({ id: z.number().int(), name: z.string() })).describe('the parks that have not reported them (the first 20)'),
  parksTotal: z.number().int().describe('how many parks have not reported them'),
  regions: z.array(z.object({ code: z.string(), name: z.string() })).describe('regions whose own totals are missing (a share of the province needs its total)'),
  years: z.array(z.number().int()).describe('the years they are missing for'),
});

export const ProvisionalLatest = z.object({
  year: z.number().int(),
  value: z.number(),
  parksIncluded: z.number().int(),
  parksExpected: z.number().int(),
});

export const ProgressOutputs = z.object({
  status: Status,
  statusReason: StatusReason.nullable().describe('insufficient_data: why (no_data, one_point, incomplete, stale, no_region_set)'),
  lastKnownStatus: Status.nullable().describe('stale: the status the last known figures gave, as context only'),
  attained: z.boolean().nullable(),
  direction: z.enum(['up', 'down']),
  held: z.boolean().describe('the baseline already attains the target: held, not approached; progress is null'),
  latestYear: z.number().int().nullable(),
  latestValue: nullableNumber,
  baselineYear: z.number().int().nullable().describe('the baseline used: the target’s own, else the earliest value'),
  baselineValue: nullableNumber,
  progress: nullableNumber,
  elapsed: nullableNumber,
  expected: nullableNumber,
  gap: nullableNumber,
  gapRelative: nullableNumber,
  shortOfExact: nullableNumber.describe('about, attained inside its tolerance: the distance to the exact target value'),
  requiredPace: nullableNumber,
  observedPace: nullableNumber,
  paceRatio: nullableNumber,
  neededPaceFromNow: nullableNumber,
  neededGrowthRateFromNow: nullableNumber,
  projected: nullableNumber,
  projectedAttained: z.boolean().nullable(),
  projectedGap: nullableNumber.describe('T − projected; 0 when the projection attains the target'),
  awaitingFinal: z.boolean(),
  provisionalLatest: ProvisionalLatest.nullable().describe('an incomplete aggregate year after the last complete one: shown, never deciding the status'),
  missing: Missing.nullable().describe('insufficient_data: the figures that would resolve it'),
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

/** A class target in the list: how its parks stand, without every park's outputs (those are in the detail). */
export const ParkClassSummary = z.object({
  parks: z.number().int().describe('parks of the class'),
  withData: z.number().int().describe('parks with figures to judge'),
  byStatus: z.record(Status, z.number().int()).describe('parks per status (every status, 0 when none)'),
  weakest: z.array(ParkProgress.pick({ parkId: true, parkName: true, status: true, latestYear: true, latestValue: true, gap: true, gapRelative: true }))
    .describe('up to 5 parks with data, weakest first (status, then the largest relative gap): the headline is the first'),
});

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
  // optional in the type only (fixtures); the server always sends it
  stretchValue: z.number().nullable().optional().describe('力争值: what the plan strives for beyond the target, in `unit`; null when none'),
  quote: z.string().nullable(),
  source: SourceRef.nullable(),
  coverage: CoverageInfo.nullable(),
  aggregate: AggregateInfo.nullable(),
  parkClass: ParkClassSummary.nullable().describe('park_class: how the parks of the class stand (each park: GET /api/targets/:id/progress)'),
  // Optional in the type only (older clients and fixtures); the server always sends both.
  supersedesId: z.number().int().nullable().optional().describe('the earlier horizon this target replaces (always sent)'),
  supersededById: z.number().int().nullable().optional().describe('the later horizon that replaces this target (always sent)'),
});

export const SeriesPoint = z.object({
  year: z.number().int(),
  value: z.number(),
  basis: z.enum(['parts', 'reported', 'aggregate', 'register']),
  reportedValue: z.number().optional(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  denominatorSource: z.string().optional().describe('share of the province: the source (or note) of the province’s total, e.g. 浙江省统计公报 2024'),
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
  parks: z.array(ParkProgress).nullable().describe('park_class: each park of the class, in id order'),
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
export type ParkClassSummaryT = z.infer<typeof ParkClassSummary>;
export type ParkT = z.infer<typeof Park>;
export type TargetT = z.infer<typeof Target>;
export type ReportedValueT = z.infer<typeof ReportedValue>;
export type SourceRefT = z.infer<typeof SourceRef>;

// --- sign-in, users, writes (the data-entry side) -----------------------------------------------

export const Role = z.enum(['admin', 'planner', 'park_manager', 'city_reviewer', 'viewer']);
export const ROLE_ZH: Record<z.infer<typeof Role>, string> = { admin: '系统管理员', planner: '省级规划人员', park_manager: '园区填报员', city_reviewer: '市级审核员', viewer: '只读用户' };

export const Me = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string().nullable(),
  role: Role,
  parkIds: z.array(z.number().int()),
  cityCodes: z.array(z.string()).describe('the cities a city reviewer reviews'),
  csrfToken: z.string().describe('send it back as X-CSRF-Token on every write'),
});

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(200),
});

export const LogoutBody = z.object({
  everywhere: z.boolean().default(false).describe('sign out on every device'),
}).default({ everywhere: false });

export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string().nullable(),
  role: Role,
  parkIds: z.array(z.number().int()),
  cityCodes: z.array(z.string()).describe('the cities a city reviewer reviews'),
  disabled: z.boolean(),
  createdAt: z.string(),
});

const password = z.string().min(10, '密码至少10位').max(200);
export const CreateUserBody = z.object({
  username: z.string().trim().regex(/^[\w.@-]{2,64}$/, '用户名为2–64位字母、数字或 . _ @ -'),
  password,
  role: Role,
  parkIds: z.array(z.number().int().positive()).default([]),
  cityCodes: z.array(z.string().regex(/^\d{6}$/)).default([]).describe('for a city reviewer: the cities it reviews'),
  displayName: z.string().trim().max(100).optional(),
});

export const UpdateUserBody = z.object({
  role: Role.optional(),
  parkIds: z.array(z.number().int().positive()).optional(),
  cityCodes: z.array(z.string().regex(/^\d{6}$/)).optional(),
  displayName: z.string().trim().max(100).nullable().optional(),
  disabled: z.boolean().optional(),
  password: password.optional(),
});

export const CreateParkBody = z.object({
  name: z.string().trim().min(2).max(100),
  level: ParkLevel,
  provinceCode: z.string().regex(/^\d{6}$/),
  cityCode: z.string().regex(/^\d{6}$/).nullable().optional(),
  countyCode: z.string().regex(/^\d{6}$/).nullable().optional(),
  approvedOn: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '格式为 YYYY、YYYY-MM 或 YYYY-MM-DD').nullable().optional(),
  aliases: z.array(z.string().trim().min(1)).optional(),
  sourceCode: z.string().nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
});

export const UpdateParkBody = CreateParkBody.partial().extend({ version: z.number().int().positive() });

export const ValueInput = z.object({
  parkId: z.number().int().positive().optional().describe('the park the figure is about; or `regionCode`, exactly one of the two'),
  regionCode: z.string().regex(/^\d{6}$/).optional().describe('a region’s own total (the province, a city: 330000, 330100) instead of a park’s figure; planners and admins only'),
  indicator: z.string().min(1),
  year: z.number().int().min(1980).max(2100),
  value: z.number().finite(),
  unit: z.string().optional().describe('the unit the value is given in; converted to the indicator’s unit'),
  note: z.string().max(2000).optional(),
  version: z.number().int().positive().optional().describe('the version you saw; required to change an existing figure'),
  sourceCode: z.string().optional(),
  /** A figure the plausibility checks warn about (unusual, a jump against its nearest year, an odd ratio) is written only with confirm and a note. */
  confirm: z.boolean().optional().describe('true: the writer confirms a figure the checks warn about; needs a note that explains it'),
});

export const ProblemGrade = z.enum(['error', 'warning']).describe('error: refused whatever is sent; warning: written when confirmed (`confirm: true`) with a note');
export const ProblemSuggestion = z.object({
  value: z.number().describe('the corrected value'),
  unit: z.string().describe('the unit of the corrected value (the indicator’s)'),
}).describe('the value a unit slip (万元/亿元, 亩/平方公里) would give: what the writer probably meant');

export const PutValuesBody = z.union([
  z.array(ValueInput).min(1).max(5000),
  z.object({
    values: z.array(ValueInput).min(1).max(5000),
    status: z.enum(['draft', 'submitted']).default('draft').describe('save as draft, or submit for review'),
    reason: z.string().max(500).optional().describe('why the figures change (kept in their history)'),
  }),
]);

export const ValueProblem = z.object({
  index: z.number().int().describe('position in the batch'),
  field: z.string(),
  code: z.string(),
  message: z.string().describe('what is wrong, in the request’s language'),
  messages: Bilingual.optional().describe('the same in Chinese and in English'),
  current: z.object({ value: z.number(), version: z.number().int(), status: ValueStatus, enteredBy: z.string(), enteredAt: z.string() }).optional(),
  grade: ProblemGrade.optional().describe('(always sent) error or warning'),
  suggestion: ProblemSuggestion.optional(),
  against: z.object({ year: z.number().int(), value: z.number() }).optional().describe('implausible_jump: the year and value the figure was compared with'),
});

export const CheckValuesResult = z.object({
  problems: z.array(ValueProblem).describe('what a write of this body would answer; empty when it would be written'),
});

export const WrittenValue = z.object({
  id: z.number().int(),
  parkId: z.number().int().nullable(),
  regionCode: z.string().nullable().optional().describe('(always sent) a region’s own total: its code; null for a park’s figure'),
  indicator: z.string(),
  year: z.number().int(),
  value: z.number(),
  status: ValueStatus,
  version: z.number().int(),
  changed: z.boolean(),
});

export const PutValuesResult = z.object({ written: z.array(WrittenValue) });

export const ReviewBody = z.object({
  items: z.array(z.object({ id: z.number().int().positive(), version: z.number().int().positive() })).min(1).max(5000),
  comment: z.string().trim().max(1000).optional(),
});

export const ReopenBody = z.object({
  reason: z.string().trim().min(1, '请说明重新开放的原因').max(1000),
  version: z.number().int().positive().optional().describe('the version you saw'),
});

export const ReopenResult = z.object({ id: z.number().int(), status: ValueStatus, version: z.number().int(), reopenedAt: z.string() });

export const CloseRoundBody = z.object({
  reason: z.string().trim().max(1000).optional(),
}).default({});

export const ValueRevision = z.object({
  version: z.number().int(),
  oldValue: z.number().nullable(),
  newValue: z.number().nullable(),
  oldStatus: ValueStatus.nullable(),
  newStatus: ValueStatus,
  note: z.string().nullable(),
  reason: z.string().nullable(),
  source: z.string().nullable(),
  changedBy: z.string(),
  changedAt: z.string(),
});

export type MeT = z.infer<typeof Me>;
export type ValueInputT = z.infer<typeof ValueInput>;
export type ValueProblemT = z.infer<typeof ValueProblem>;

// --- dashboard (read-only views: meta, overview, parks × targets, figures, cities, comparison) -----

export const Meta = z.object({
  demo: z.boolean().describe('true when the database holds the generated example data (示例数据), never the published facts'),
  database: z.enum(['sqlite', 'postgres']),
  currentYear: z.number().int().describe('the calendar year of the server clock'),
  provinces: z.array(z.object({
    code: z.string(), name: z.string(),
    parkCount: z.number().int(), targetCount: z.number().int(),
    hasMap: z.boolean().describe('an offline city map is bundled for this province'),
  })).describe('provinces with parks or targets, most parks first'),
  plans: z.array(z.object({
    id: z.number().int(), code: z.string(), title: z.string(), regionCode: z.string().nullable(),
    targetYears: z.array(z.number().int()).describe('the horizons of its targets'),
  })),
  years: z.object({ first: z.number().int(), last: z.number().int() }).nullable().describe('years with reported figures'),
});

export const SparkPoint = z.object({ year: z.number().int(), value: z.number() });

export const OverviewEntry = ProgressEntry.extend({
  sparkline: z.array(SparkPoint).describe('the yearly series the target is measured on'),
});

export const DashboardFilter = z.object({
  province: z.string().optional().describe('province code, e.g. 330000'),
  plan: z.string().optional().describe('plan id or code'),
  targetYear: intParam.optional().describe('the horizon: targets due in this year'),
  city: z.string().optional().describe('city code: parks of this city only'),
  level: ParkLevel.optional().describe('parks of this level only'),
  year: intParam.optional().describe('figures up to this year (default: the latest)'),
  basis: z.enum(['approved', 'submitted']).default('approved'),
});

export const ParkRef = z.object({
  id: z.number().int(),
  name: z.string(),
  level: ParkLevel,
  provinceCode: z.string(),
  cityCode: z.string().nullable(),
  cityName: z.string().nullable(),
  approvalYear: z.number().int().nullable(),
});

export const TargetRef = z.object({
  id: z.number().int(),
  code: z.string(),
  indicator: IndicatorRef,
  scopeKind: TargetScope,
  label: z.string(),
  comparator: Comparator,
  tolerance: z.number().nullable(),
  targetValue: z.number().nullable(),
  targetYear: z.number().int(),
  unit: z.string(),
  plan: z.object({ id: z.number().int(), code: z.string(), title: z.string() }),
});

export const ParkTargetCell = z.object({
  parkId: z.number().int(),
  targetId: z.number().int(),
  status: Status,
  statusReason: StatusReason.nullable(),
  held: z.boolean(),
  latestYear: z.number().int().nullable(),
  latestValue: z.number().nullable(),
  progress: z.number().nullable(),
  gap: z.number().nullable(),
  paceRatio: z.number().nullable(),
});

export const ParkStatusMatrix = z.object({
  targets: z.array(TargetRef).describe('targets a park can be measured against: its own, its class, and ratio aggregates (each park’s own ratio against the bar)'),
  parks: z.array(ParkRef),
  cells: z.array(ParkTargetCell).describe('one per park and target that applies to it; computed with the progress method over the park’s own series'),
});

export const ParkFigure = z.object({
  year: z.number().int(),
  value: z.number(),
  basis: z.enum(['parts', 'reported']),
});

export const ParkFigures = z.object({
  year: z.number().int().nullable().describe('figures up to this year; null: the latest each park has'),
  indicators: z.array(IndicatorRef).describe('indicators any listed park has a figure for'),
  parks: z.array(ParkRef.extend({ figures: z.record(z.string(), ParkFigure).describe('indicator code → the latest figure') })),
});

export const CityAggregate = z.object({
  code: z.string(),
  name: z.string(),
  value: z.number().nullable().describe('the city’s parks aggregated the way the indicator aggregates (sum, ratio of sums, share of the province)'),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  parksIncluded: z.number().int(),
  parksTotal: z.number().int().describe('parks of the filter located in the city'),
});

export const CityFigures = z.object({
  indicator: IndicatorRef,
  aggregation: z.string(),
  year: z.number().int().nullable(),
  years: z.array(z.number().int()).describe('years with figures for this indicator'),
  cities: z.array(CityAggregate),
  parks: z.array(ParkRef.extend({ value: z.number().nullable(), year: z.number().int().nullable() })),
});

export const CompareSeries = z.object({
  key: z.string().describe('province:<code> or park:<id>'),
  kind: z.enum(['province', 'park']),
  label: z.string(),
  points: z.array(z.object({ year: z.number().int(), value: z.number(), parksIncluded: z.number().int().optional(), provisional: z.boolean().optional() })),
});

export const Comparison = z.object({
  indicator: IndicatorRef,
  aggregation: z.string(),
  series: z.array(CompareSeries),
});

export const CompareQuery = z.object({
  indicator: z.string().describe('indicator code'),
  provinces: z.string().optional().describe('comma-separated province codes: all their parks aggregated'),
  parks: z.string().optional().describe('comma-separated park ids'),
  basis: z.enum(['approved', 'submitted']).default('approved'),
});

export const CityQuery = DashboardFilter.extend({ indicator: z.string().describe('indicator code') });

export const ParkIndicatorView = z.object({
  indicator: IndicatorRef,
  series: z.array(z.object({
    year: z.number().int(), value: z.number(), basis: z.enum(['parts', 'reported']),
    reportedValue: z.number().optional(), numerator: z.number().optional(), denominator: z.number().optional(),
  })),
  figures: z.array(ReportedValue).describe('the figures as entered (the ratio’s parts too), each with its source and who entered it'),
  targets: z.array(TargetRef.extend({ progress: ProgressOutputs.describe('this park’s own series against the target') })),
});

export const ParkDashboard = z.object({
  park: Park,
  indicators: z.array(ParkIndicatorView),
});

export type MetaT = z.infer<typeof Meta>;
export type OverviewEntryT = z.infer<typeof OverviewEntry>;
export type ParkStatusMatrixT = z.infer<typeof ParkStatusMatrix>;
export type ParkFiguresT = z.infer<typeof ParkFigures>;
export type CityFiguresT = z.infer<typeof CityFigures>;
export type ComparisonT = z.infer<typeof Comparison>;
export type ParkDashboardT = z.infer<typeof ParkDashboard>;
export type TargetRefT = z.infer<typeof TargetRef>;
export type ParkRefT = z.infer<typeof ParkRef>;

// --- reporting rounds, tasks, audit ----------------------------------------------------------------

export const CreateRoundBody = z.object({
  year: z.number().int().min(1990).max(2100),
  provinceCode: z.string().regex(/^\d{6}$/),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD'),
  indicatorCodes: z.array(z.string()).min(1).optional().describe('default: the annual indicators'),
  note: z.string().max(1000).optional(),
});

export const Round = z.object({
  id: z.number().int(),
  year: z.number().int(),
  provinceCode: z.string(),
  provinceName: z.string(),
  deadline: z.string(),
  indicatorCodes: z.array(z.string()),
  note: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  overdue: z.boolean().describe('the deadline has passed'),
});

export const CellState = z.enum(['missing', 'draft', 'submitted', 'city_approved', 'approved']);

export const RoundBoard = z.object({
  round: Round,
  reviewLevels: z.union([z.literal(1), z.literal(2)]).describe('the province’s review levels: with 2, figures pass city_approved before approved'),
  indicators: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.string() })),
  parks: z.array(z.object({
    parkId: z.number().int(),
    parkName: z.string(),
    cityName: z.string().nullable(),
    level: ParkLevel,
    cells: z.record(z.string(), z.object({ state: CellState, value: z.number().nullable(), valueId: z.number().int().nullable(), version: z.number().int().nullable(), returned: z.boolean() })),
    counts: z.object({ missing: z.number().int(), draft: z.number().int(), submitted: z.number().int(), city_approved: z.number().int(), approved: z.number().int() }),
    complete: z.boolean().describe('every figure submitted or approved'),
    overdue: z.boolean(),
  })),
  totals: z.object({ missing: z.number().int(), draft: z.number().int(), submitted: z.number().int(), city_approved: z.number().int(), approved: z.number().int(), parksComplete: z.number().int(), parksOverdue: z.number().int() }),
});

/** A figure a reviewer sent back, with what the reviewer said: the park manager's task names each one. */
export const ReturnedFigure = z.object({
  valueId: z.number().int(),
  indicatorCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  value: z.number(),
  comment: z.string().describe('the reviewer’s comment'),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});

export const Task = z.object({
  kind: z.enum(['report', 'fix_returned', 'review', 'overdue']).describe('report: figures to enter or submit; fix_returned: figures sent back; review: submitted figures to approve or send back; overdue: a round past its deadline with parks not complete'),
  roundId: z.number().int().nullable(),
  year: z.number().int(),
  parkId: z.number().int().nullable(),
  parkName: z.string().nullable(),
  provinceName: z.string().nullable().optional().describe('the round’s province (overdue rounds)'),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  count: z.number().int().describe('figures to enter, fix or review; parks not complete for an overdue round'),
  returned: z.array(ReturnedFigure).optional().describe('fix_returned: each figure sent back with the reviewer’s comment'),
  message: z.string().describe('what to do, in the request’s language'),
  messages: Bilingual.optional().describe('the same in Chinese and in English'),
});

export const AuditQuery = z.object({
  entity: z.string().optional(),
  user: z.string().optional(),
  action: z.string().optional(),
  before: z.coerce.number().int().optional().describe('entries with an id below this (paging)'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  detail: z.unknown().nullable(),
  ip: z.string().nullable(),
});

// --- the entry form ---------------------------------------------------------------------------------

export const EntryRow = z.object({
  indicator: IndicatorRef.extend({ definitionZh: z.string().nullable() }),
  current: z.object({
    id: z.number().int(), value: z.number(), version: z.number().int(), status: ValueStatus, note: z.string().nullable(),
    reviewComment: z.string().nullable(), enteredBy: z.string(), enteredAt: z.string(),
    locked: z.enum(['approved', 'round_closed']).nullable().optional().describe('why it may not change until a planner reopens it (POST /api/values/:id/reopen)'),
  }).nullable(),
  lastYear: z.object({ year: z.number().int(), value: z.number() }).nullable(),
  targets: z.array(z.object({ id: z.number().int(), code: z.string() })).describe('targets this figure feeds'),
});

export const EntrySheet = z.object({
  park: z.object({ id: z.number().int(), name: z.string(), level: ParkLevel, provinceCode: z.string(), cityName: z.string().nullable() }),
  year: z.number().int(),
  round: z.object({ id: z.number().int(), deadline: z.string(), overdue: z.boolean(), closedAt: z.string().nullable() }).nullable(),
  canWrite: z.boolean(),
  rows: z.array(EntryRow),
  derived: z.array(z.object({
    indicator: IndicatorRef,
    numerator: z.string(),
    denominator: z.string(),
    factor: z.number(),
    targets: z.array(z.object({ id: z.number().int(), code: z.string() })),
  })).describe('ratios computed live from two rows of the form'),
});

export const RegionEntrySheet = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.enum(['province', 'city']), provinceCode: z.string() }),
  year: z.number().int(),
  canWrite: z.boolean().describe('planners and admins write a region’s own totals'),
  rows: z.array(EntryRow).describe('the region totals share targets divide by (规上工业增加值, 国家高新技术企业数, GDP, 土地面积), with the current figure, its note (the source, e.g. 浙江省统计公报 2024) and last year’s'),
});

export const RegionEntryParams = z.object({ code: z.string().regex(/^\d{6}$/), year: z.coerce.number().int().min(1980).max(2100) });

export type RegionEntrySheetT = z.infer<typeof RegionEntrySheet>;

export const EntryParams = z.object({ parkId: z.coerce.number().int().positive(), year: z.coerce.number().int().min(1980).max(2100) });

// --- Excel/CSV import (GET /api/import/template.xlsx, POST /api/import) ---------------------------

export const ImportStatus = z.enum(['draft', 'submitted']);

export const TemplateQuery = z.object({
  year: intParam.min(1980).max(2100).optional().describe('the year to report (default: last calendar year)'),
  park: intParam.positive().optional().describe('one park (default: every park you may write)'),
  province: z.string().regex(/^\d{6}$/).optional().describe('planners and admins: the parks of one province'),
});

export const ImportQuery = z.object({
  dryRun: z.enum(['0', '1', 'true', 'false']).optional().describe('1: check only, write nothing, answer with the report'),
});

export const ImportProblem = z.object({
  sheet: z.string(),
  row: z.number().int().nullable().describe('the row number as Excel shows it (the header row for column problems)'),
  column: z.string().nullable().describe('the column letter as Excel shows it, e.g. "E"; null when a column is missing'),
  field: z.string().describe('park, indicator, year, value, unit, note, confirm, version, header'),
  code: z.string().describe('machine-readable: unknown_park, unknown_indicator, not_a_number, wrong_unit, negative, duplicate, forbidden_park, implausible_jump, stale, version_required, …'),
  message: z.string().describe('what is wrong, in the request’s language (Chinese where only Chinese is written yet)'),
  messages: Bilingual.optional().describe('the same in Chinese and in English'),
  cell: z.string().optional().describe('(always sent) where, as Excel names it: 填报数据!D7; a column’s problem names its header cell (填报数据!K3), one without a column its row (填报数据!1:1)'),
  current: ValueProblem.shape.current.describe('version problems: the figure as it is stored now'),
  grade: ProblemGrade.optional().describe('(always sent) error or warning: a warning passes with 是 in the 确认 column and a 备注'),
  suggestion: ProblemSuggestion.optional(),
  region: z.object({ code: z.string(), name: z.string(), level: z.string() }).optional()
    .describe('region_row: the province or city the row names instead of a park (region figures cannot be imported yet)'),
});

export const ImportRowStatus = z.enum(['new', 'changed', 'unchanged']);

export const ImportRow = z.object({
  row: z.number().int(),
  column: z.string().optional().describe('(always sent) the column letter of the figure’s cell (the 数值 column of the template; an indicator’s column in a wide sheet)'),
  parkId: z.number().int().nullable().describe('null for a region’s own total (see regionCode)'),
  parkName: z.string().describe('the park’s name, or the region’s'),
  regionCode: z.string().nullable().optional().describe('(always sent) the region of a row that gives a region’s own total (地区代码); null for a park’s row'),
  indicator: z.string(),
  indicatorName: z.string(),
  year: z.number().int(),
  value: z.number().describe('in the indicator’s unit, as it is (or would be) stored'),
  unit: z.string().describe('the indicator’s unit'),
  originalValue: z.number().describe('as written in the file'),
  originalUnit: z.string().describe('as written in the file (the indicator’s unit when none was given)'),
  status: ImportRowStatus,
  oldValue: z.number().nullable().describe('the stored value before the import'),
  version: z.number().int().nullable().describe('dry run: the stored figure’s version (send it back in `versions`); after a commit: the version now stored'),
});

export const ImportColumn = z.object({
  column: z.string().describe('the column letter, e.g. "D"'),
  header: z.string().describe('the header as written in the file, e.g. "R&D经费内部支出(万元)"'),
  name: z.string().describe('the header without the unit in brackets: what is matched and remembered'),
  unit: z.string().nullable().describe('the unit the header names in brackets (万元, 亿元, 千元, 亩, 平方公里, 家, 个, %); null when none'),
  unitText: z.string().nullable().describe('a bracket at the end of the header that names no known unit (人, 万美元): such a column cannot be imported'),
  role: z.enum(['park', 'parkId', 'region', 'year', 'note', 'confirm', 'indicator', 'ignored', 'unmatched'])
    .describe('what the column is: the park’s name or number, the year, the row’s note or confirmation, an indicator, a column left out, or one the import could not match'),
  indicator: z.object({ code: z.string(), nameZh: z.string(), unit: z.string() }).nullable().describe('role indicator: the indicator its figures are written to'),
  matchedBy: z.enum(['name', 'code', 'synonym', 'mapping', 'remembered', 'auto']).nullable()
    .describe('how the indicator (or ignoring it) was decided: the catalogue’s name, code or synonym, this request’s `mapping`, a mapping remembered from an earlier import, or auto (序号, 所在市 and the like are never indicators)'),
  suggestions: z.array(z.object({ code: z.string(), nameZh: z.string(), unit: z.string(), score: z.number() }))
    .describe('role unmatched: the indicators the header may mean, best first (score 0–1), whose unit the header’s converts to'),
  figures: z.number().int().describe('cells with a figure under this header'),
});

export const ImportReport = z.object({
  dryRun: z.boolean(),
  committed: z.boolean().describe('true only when the figures were written'),
  fileName: z.string(),
  sheet: z.string().describe('the sheet that was read (for a CSV file: its name without the extension)'),
  layout: z.enum(['long', 'wide']).optional().describe('(always sent) long: the template, one figure per row; wide: a statistics sheet, one row per park and one column per indicator'),
  year: z.object({ value: z.number().int(), cell: z.string().nullable() }).nullable().optional()
    .describe('(always sent) wide sheets without a year column: the year read from the title above the header (its cell) or from the sheet’s name (cell null)'),
  columns: z.array(ImportColumn).optional().describe('(always sent) wide sheets: every column with a header, what it was matched to or that it was not; what a page needs to let the planner map columns (send them back as `mapping`)'),
  status: ImportStatus.describe('the status the figures are (or would be) saved with'),
  rowsRead: z.number().int().describe('data rows with any content, below the header'),
  summary: z.object({
    new: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int().describe('long: rows without a value (the template’s rows left empty); wide: cells left empty (or —, 无) under indicator columns, and 合计 rows'),
    problems: z.number().int(),
  }),
  problems: z.array(ImportProblem),
  rows: z.array(ImportRow).describe('the rows that pass every check'),
  versions: z.record(z.string(), z.number().int()).describe('"parkId:indicator:year" (a region’s total: "region:330000:indicator:year") → the stored version, for every existing figure the file touches: send it back as the `versions` field to commit'),
});

export const ColumnMapping = z.object({
  header: z.string().describe('the header as it was last written, e.g. "科技型企业数量（家）"'),
  headerKey: z.string().describe('what is compared: the header without its unit, without spaces, in lower case'),
  indicator: z.object({ code: z.string(), nameZh: z.string(), unit: z.string() }).nullable().describe('null: the column is ignored'),
  mappedBy: z.string(),
  mappedAt: z.string(),
});

export const ForgetMappingQuery = z.object({ header: z.string().trim().min(1).max(200).describe('the header (with or without its unit) or its headerKey') });

export type ColumnMappingT = z.infer<typeof ColumnMapping>;

export type ImportProblemT = z.infer<typeof ImportProblem>;
export type ImportRowT = z.infer<typeof ImportRow>;
export type ImportReportT = z.infer<typeof ImportReport>;
export type ImportColumnT = z.infer<typeof ImportColumn>;

// --- screen links (wall displays) -----------------------------------------------------------------

export const SCREEN_SCENES = ['targets', 'coverage', 'ranking', 'trend', 'laggards'] as const;
export const ScreenScene = z.enum(SCREEN_SCENES);

export const ScreenSettings = z.object({
  scenes: z.array(ScreenScene).min(1).default([...SCREEN_SCENES]).describe('which scenes, in which order'),
  intervalSeconds: z.number().int().min(5).max(3600).default(20),
  provinceCode: z.string().regex(/^\d{6}$/).default('330000'),
  indicator: z.string().optional().describe('the indicator of the ranking scene'),
  targetId: z.number().int().optional().describe('the target of the trend scene'),
});

export const CreateScreenBody = ScreenSettings.extend({ label: z.string().trim().min(1).max(100) });

export const Screen = z.object({
  id: z.number().int(),
  label: z.string(),
  settings: ScreenSettings,
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
});

export const CreatedScreen = z.object({ id: z.number().int(), token: z.string(), url: z.string().describe('open this on the wall: /screen/<token>') });

export const ScreenConfig = z.object({ id: z.number().int(), label: z.string(), settings: ScreenSettings });

// --- plans, targets and extraction from policy texts (writes) ---------------------------------------

const code6 = z.string().regex(/^\d{6}$/, '应为6位行政区划代码');
const dateText = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '格式为 YYYY、YYYY-MM 或 YYYY-MM-DD (YYYY, YYYY-MM or YYYY-MM-DD)');

/** One target as a planner writes it (or accepts it from an extraction candidate). */
export const TargetInput = z.object({
  code: z.string().trim().regex(/^[\w.-]{1,40}$/, '编号为1–40位字母、数字或 . _ -').optional().describe('default: the plan code and a number'),
  indicator: z.string().min(1).describe('catalogue code (GET /api/indicators)'),
  scope: TargetScope.describe('park: one park; park_class: every park of a level in a province; province_aggregate: the parks of a province summed or as a ratio of sums; coverage: a region set'),
  parkId: z.number().int().positive().nullable().optional().describe('scope park'),
  regionCode: code6.nullable().optional().describe('the province (park_class, province_aggregate, coverage); default: the plan’s region'),
  parkLevel: ParkLevel.nullable().optional().describe('park_class: the class; province_aggregate: the lowest level included; coverage: the level required'),
  subjectLabel: z.string().trim().min(1).max(200).optional().describe('the subject as the policy names it; default from the scope'),
  regionSetLabel: z.string().trim().max(200).nullable().optional().describe('coverage: the set as the policy names it (设区市, 45个工业大县)'),
  regionCodes: z.array(code6).max(1000).optional().describe('coverage: the regions of the set (each must exist)'),
  comparator: Comparator,
  targetValue: z.number().finite().nullable().optional().describe('required except for coverage, where null means every region of the set'),
  tolerance: z.number().gt(0).lt(1).nullable().optional().describe('about: share of the target value (default 0.05)'),
  unit: z.string().max(20).optional().describe('the unit the values are given in; converted to the indicator’s unit'),
  targetYear: z.number().int().min(1990).max(2100),
  baselineYear: z.number().int().min(1980).max(2100).nullable().optional(),
  baselineValue: z.number().finite().nullable().optional(),
  stretchValue: z.number().finite().nullable().optional().describe('力争值, in `unit`: beyond the target value (below it for at_most / less_than)'),
  quote: z.string().max(4000).nullable().optional().describe('the policy’s words'),
  quoteStart: z.number().int().min(0).nullable().optional().describe('span in the plan’s document text: documentText.slice(quoteStart, quoteEnd) must be the quote'),
  quoteEnd: z.number().int().min(0).nullable().optional(),
  quoteLocation: z.string().max(200).nullable().optional().describe('where in the document, in words (第二部分(二))'),
  note: z.string().max(2000).nullable().optional(),
  supersedesId: z.number().int().positive().nullable().optional().describe('the earlier target of the same indicator this one replaces'),
  extraction: z.object({ candidateId: z.string().max(40), confidence: z.number().min(0).max(1) }).optional()
    .describe('accepted from POST /api/extract-targets: kept in the target’s history'),
});

export const CreatePlanBody = z.object({
  code: z.string().trim().regex(/^[\w.-]{2,40}$/, '编号为2–40位字母、数字或 . _ -').optional().describe('default: PLAN-<id>'),
  title: z.string().trim().min(2, '请填写标题').max(300),
  issuer: z.string().trim().max(200).nullable().optional().describe('发文机关'),
  documentNumber: z.string().trim().max(100).nullable().optional().describe('文号, e.g. 浙政发〔2021〕12号'),
  issuedOn: dateText.nullable().optional(),
  regionCode: code6.nullable().optional().describe('the province (or city) the plan is for'),
  // http(s) only: a javascript: or data: link must never reach an href.
  url: z.url({ protocol: /^https?$/, message: '链接须以 http:// 或 https:// 开头' }).max(2000).nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
  sourceCode: z.string().nullable().optional(),
  documentText: z.string().max(200_000).nullable().optional().describe('the document as pasted: target quote spans point into it'),
  targets: z.array(TargetInput).max(200).optional().describe('targets to create with the plan, all or nothing'),
});

export const UpdatePlanBody = CreatePlanBody.omit({ targets: true }).partial().extend({
  version: z.number().int().positive().describe('the version you saw'),
});

export const PlanDetail = Plan.extend({
  documentText: z.string().nullable(),
  targets: z.array(Target),
});

export const CreateTargetsBody = z.object({
  planId: z.number().int().positive(),
  targets: z.array(TargetInput).min(1).max(200),
  reason: z.string().trim().max(500).optional().describe('kept in each target’s history'),
});

export const UpdateTargetBody = TargetInput.partial().extend({
  version: z.number().int().positive().describe('the version you saw'),
  reason: z.string().trim().max(500).optional().describe('why it changes (kept in its history)'),
});

export const TargetProblem = z.object({
  index: z.number().int().nullable().describe('position in the batch (null: the plan itself)'),
  field: z.string(),
  code: z.string().describe('machine-readable: unknown_indicator, unknown_park, unknown_region, value_required, wrong_unit, …'),
  message: z.string().describe('what is wrong, in the request’s language'),
  messages: Bilingual.optional().describe('the same in Chinese and in English'),
});

export const TargetRevision = z.object({
  version: z.number().int(),
  action: z.enum(['create', 'update']),
  before: z.record(z.string(), z.unknown()).nullable().describe('the whole target before the change'),
  after: z.record(z.string(), z.unknown()).describe('the whole target after the change'),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })).describe('the fields that changed'),
  reason: z.string().nullable(),
  changedBy: z.string(),
  changedAt: z.string(),
});

export const ExtractBody = z.object({
  text: z.string().min(1, '请粘贴政策文本').max(200_000),
  documentYear: z.number().int().min(1990).max(2100).nullable().optional().describe('the year the document was issued: 三年内, 今年 count from it'),
  regionCode: code6.nullable().optional().describe('the plan’s province: to suggest parks for named zones and the region set of 全覆盖'),
});

const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() }).describe('[start, end) in the text (JavaScript string indices)');

export const ExtractReason = z.object({ code: z.string(), message: z.string(), effect: z.number().describe('its share of the confidence (negative lowers it)') });

/** A candidate turned into what POST /api/targets takes; the fields in `missing` still need the planner. */
export const TargetDraft = TargetInput.extend({
  indicator: z.string().nullable(),
  scope: TargetScope.nullable(),
  missing: z.array(z.string()).describe('fields the planner must still fill (indicator, parkId, regionCodes, …)'),
});

export const ExtractCandidate = z.object({
  id: z.string(),
  span: SpanSchema,
  quote: z.string(),
  indicator: z.object({
    code: z.string().nullable().describe('null: unknown indicator; the phrase says what the text measures'),
    nameZh: z.string().nullable(),
    unit: z.string().nullable(),
    phrase: z.string(),
    span: SpanSchema,
    inherited: z.boolean(),
    relatedCode: z.string().nullable().describe('the indicator this is the growth or change of'),
  }),
  comparator: Comparator,
  value: z.number().nullable(),
  unit: z.string().nullable(),
  tolerance: z.number().nullable(),
  stated: z.object({ text: z.string(), span: SpanSchema, value: z.number().nullable(), unit: z.string().nullable() }),
  allOfSet: z.boolean(),
  change: z.enum(['increase', 'decrease']).nullable(),
  annual: z.boolean(),
  cumulative: z.boolean(),
  targetYear: z.number().int(),
  year: z.object({ year: z.number().int().nullable(), text: z.string(), span: SpanSchema, rule: z.enum(['absolute', 'period', 'plan_period', 'relative', 'current_year']), explanation: z.string() }),
  baseline: z.object({ year: z.number().int().nullable(), value: z.number().nullable(), span: SpanSchema }).nullable(),
  scopeWords: z.string().nullable(),
  scope: z.object({
    kind: TargetScope.nullable(),
    words: z.string().nullable(),
    span: SpanSchema.nullable(),
    inherited: z.boolean(),
    parkLevel: z.enum(['national', 'provincial']).nullable(),
    places: z.array(z.string()),
    regionSet: z.object({ words: z.string(), span: SpanSchema, size: z.number().nullable(), sizeSpan: SpanSchema.nullable() }).nullable(),
  }),
  confidence: z.number().min(0).max(1),
  reasons: z.array(ExtractReason),
  // The next three are optional in the type only (the server always sends them), so web code written before them compiles.
  alternativeOf: z.string().nullable().optional().describe('the id of the candidate this one says again: accept that target, not this one'),
  alternative: z.enum(['stretch', 'restatement']).nullable().optional().describe('stretch: its 力争 value (达到4万家以上、力争达到5万家); restatement: the same target as a change (提高1.5个百分点, 达到6%)'),
  stretchValue: z.number().nullable().optional().describe('on a target: the value of its stretch alternative, in `unit` (also in its drafts)'),
  drafts: z.array(TargetDraft).describe('what to send to POST /api/targets (or with POST /api/plans): one per park when the text names several; empty for an alternative'),
});

export const ExtractResult = z.object({
  documentYear: z.number().int().nullable(),
  candidates: z.array(ExtractCandidate),
  qualitative: z.array(z.object({ span: SpanSchema, text: z.string(), year: z.number().int().nullable(), reason: z.string() }))
    .describe('aims without a number (走在全省前列): listed, never proposed as numeric targets'),
  withheld: z.array(z.object({
    span: SpanSchema, text: z.string(), reason: z.enum(['relative_year_without_document_year', 'no_year']), message: z.string(),
    indicatorPhrase: z.string(), comparator: Comparator, value: z.number().nullable(), unit: z.string().nullable(),
  })).describe('numbers that read like targets but lack a year (or need the document year)'),
  text: z.string().optional().describe('an uploaded document only: its text as read, paragraph by paragraph; every span points into it'),
  document: z.object({
    fileName: z.string(),
    format: z.enum(['docx', 'pdf']),
    pages: z.number().int().nullable().describe('PDF pages; null for Word'),
    characters: z.number().int(),
  }).optional().describe('an uploaded document only: what was read'),
});

/** The upload form of POST /api/extract-targets: a .docx or a PDF instead of pasted text. */
export const ExtractUpload = z.object({
  file: z.instanceof(File, { message: '请选择要上传的文件 (multipart field "file")' }),
  documentYear: z.preprocess((v) => (v === '' || v === 'null' ? undefined : v), z.coerce.number().int().min(1990).max(2100).optional())
    .describe('the year the document was issued: 三年内, 今年 count from it'),
  regionCode: z.preprocess((v) => (v === '' || v === 'null' ? undefined : v), code6.optional()).describe('the plan’s province'),
});

export type TargetInputT = z.infer<typeof TargetInput>;
export type TargetProblemT = z.infer<typeof TargetProblem>;
export type TargetRevisionT = z.infer<typeof TargetRevision>;
export type PlanDetailT = z.infer<typeof PlanDetail>;
export type ExtractResultT = z.infer<typeof ExtractResult>;
export type ExtractCandidateT = z.infer<typeof ExtractCandidate>;
export type TargetDraftT = z.infer<typeof TargetDraft>;
