// The tables as Kysely sees them. Column names follow the migrations (snake_case).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type RegionLevel = 'nation' | 'province' | 'city' | 'county';
export type ParkLevel = 'national' | 'provincial' | 'other';
export type TargetScope = 'park' | 'park_class' | 'province_aggregate' | 'coverage';
/** city_approved: a city reviewer approved it in a province that reviews in two levels (migration 0013). */
export type ValueStatus = 'draft' | 'submitted' | 'city_approved' | 'approved';
export type Role = 'admin' | 'planner' | 'park_manager' | 'city_reviewer' | 'viewer';

export interface RegionsTable {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  parks_as_of_year: number | null;
  /** A province's review: 1 (planners approve) or 2 (a city reviewer, then planners); migration 0013. */
  review_levels: Generated<number>;
}

export interface SourcesTable {
  code: string;
  title: string;
  publisher: string | null;
  published_on: string | null;
  url: string | null;
  description: string | null;
  reliability: 'official' | 'secondary';
}

export interface PlansTable {
  id: Generated<number>;
  code: string;
  title: string;
  issuer: string | null;
  document_number: string | null;
  issued_on: string | null;
  region_code: string | null;
  source_code: string | null;
  url: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  /** The document as pasted; targets' quote spans point into it. */
  document_text: string | null;
}

export interface ParksTable {
  id: Generated<number>;
  name: string;
  aliases: string | null;
  level: ParkLevel;
  province_code: string;
  city_code: string | null;
  county_code: string | null;
  approved_on: string | null;
  approval_year: number | null;
  source_code: string | null;
  note: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface IndicatorsTable {
  code: string;
  name_zh: string;
  name_en: string;
  unit: string;
  direction: 'up' | 'down';
  kind: string;
  aggregation: string;
  numerator_code: string | null;
  denominator_code: string | null;
  factor: number | null;
  share_of_code: string | null;
  definition_zh: string | null;
  builtin: Generated<number>;
}

export interface TargetsTable {
  id: Generated<number>;
  code: string;
  plan_id: number;
  indicator_code: string;
  scope: TargetScope;
  park_id: number | null;
  region_code: string | null;
  park_level: ParkLevel | null;
  subject_label: string;
  region_set_label: string | null;
  comparator: string;
  target_value: number | null;
  tolerance: number | null;
  unit: string;
  target_year: number;
  baseline_year: number | null;
  baseline_value: number | null;
  /** 力争值: the value the plan strives for beyond the target (migration 0009); null when none is stated. */
  stretch_value: number | null;
  quote: string | null;
  quote_location: string | null;
  /** [quote_start, quote_end) in the plan's document_text (JavaScript string indices). */
  quote_start: number | null;
  quote_end: number | null;
  note: string | null;
  supersedes_id: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface TargetRegionsTable {
  target_id: number;
  region_code: string;
}

export interface TargetRevisionsTable {
  id: Generated<number>;
  target_id: number;
  version: number;
  action: 'create' | 'update';
  /** JSON: the whole target before the change; null when it was created. */
  before: string | null;
  /** JSON: the whole target after the change. */
  after: string;
  reason: string | null;
  changed_by: number | null;
  changed_by_name: string;
  changed_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string | null;
  password_hash: string;
  role: Role;
  disabled: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface UserParksTable {
  user_id: number;
  park_id: number;
}

/** The cities a city reviewer reviews (migration 0013). */
export interface UserRegionsTable {
  user_id: number;
  region_code: string;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ReportedValuesTable {
  id: Generated<number>;
  subject_key: string;
  park_id: number | null;
  region_code: string | null;
  indicator_code: string;
  year: number;
  value: number;
  status: ValueStatus;
  note: string | null;
  source_code: string | null;
  entered_by: number | null;
  entered_by_name: string;
  entered_at: string;
  version: Generated<number>;
  /** The last approved value: it counts on the approved basis while a change is under review. */
  approved_value: number | null;
  review_comment: string | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  updated_at: string | null;
  /** When a planner last reopened it (approved, or in a closed round); cleared when approved again. */
  reopened_at: string | null;
}

export interface ValueRevisionsTable {
  id: Generated<number>;
  value_id: number;
  version: number;
  old_value: number | null;
  new_value: number | null;
  old_status: ValueStatus | null;
  new_status: ValueStatus;
  note: string | null;
  source_code: string | null;
  reason: string | null;
  changed_by: number | null;
  changed_by_name: string;
  changed_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  username: string;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: ColumnType<string | null, string | null, string | null>;
  ip: string | null;
}

/** Sign-in tries that count against an account (`user:<username>`) or an address (`ip:<address>`). */
export interface SignInTriesTable {
  key: string;
  tries: number;
  last_try_at: string;
  checking: number;
  checking_since: string | null;
}

export interface ReportingRoundsTable {
  id: Generated<number>;
  year: number;
  province_code: string;
  deadline: string;
  indicator_codes: string;
  note: string | null;
  opened_by: number | null;
  opened_at: string;
  closed_at: string | null;
  closed_by: number | null;
  close_reason: string | null;
}

export interface ScreensTable {
  id: Generated<number>;
  label: string;
  token_hash: string;
  settings: string;
  created_by: number | null;
  created_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
}

export interface DataVersionTable {
  /** 1: every change; 2: changes to the catalogue (targets, plans, parks, regions). */
  id: number;
  version: number;
}

export interface ProvinceDataVersionTable {
  province_code: string;
  /** Changes to the figures of this province's parks and regions. */
  version: number;
}

/** What planners told the import a statistics sheet's column header means (migration 0009). */
export interface ImportColumnMappingsTable {
  /** The header's name as the import compares it (normalizeText, the unit in brackets left out). */
  header_key: string;
  header_text: string;
  /** null: the column is ignored. */
  indicator_code: string | null;
  mapped_by_name: string;
  mapped_at: string;
}

export interface Database {
  regions: RegionsTable;
  sources: SourcesTable;
  plans: PlansTable;
  parks: ParksTable;
  indicators: IndicatorsTable;
  targets: TargetsTable;
  target_regions: TargetRegionsTable;
  target_revisions: TargetRevisionsTable;
  users: UsersTable;
  user_parks: UserParksTable;
  user_regions: UserRegionsTable;
  sessions: SessionsTable;
  reported_values: ReportedValuesTable;
  value_revisions: ValueRevisionsTable;
  audit_log: AuditLogTable;
  sign_in_tries: SignInTriesTable;
  reporting_rounds: ReportingRoundsTable;
  screens: ScreensTable;
  data_version: DataVersionTable;
  province_data_versions: ProvinceDataVersionTable;
  import_column_mappings: ImportColumnMappingsTable;
}

export type Park = Selectable<ParksTable>;
export type NewPark = Insertable<ParksTable>;
export type Target = Selectable<TargetsTable>;
export type ReportedValue = Selectable<ReportedValuesTable>;
export type ReportedValueUpdate = Updateable<ReportedValuesTable>;
