// The app's words: the type of every namespace (features do not import each other, so only the app
// knows them all), and the start of i18next with the common words of the frame. Each feature registers
// its own words with its code (web/features/<feature>/words.ts). The declaration below types every
// key: a key that does not exist, or a missing parameter, fails the type check.
import type admin from '../features/admin/locales/zh.ts';
import type audit from '../features/audit/locales/zh.ts';
import type auth from '../features/auth/locales/zh.ts';
import type compare from '../features/compare/locales/zh.ts';
import type entry from '../features/entry/locales/zh.ts';
import type extract from '../features/extract/locales/zh.ts';
import type heatmap from '../features/heatmap/locales/zh.ts';
import type importFeature from '../features/import/locales/zh.ts';
import type map from '../features/map/locales/zh.ts';
import type overview from '../features/overview/locales/zh.ts';
import type parks from '../features/parks/locales/zh.ts';
import type plans from '../features/plans/locales/zh.ts';
import type review from '../features/review/locales/zh.ts';
import type rounds from '../features/rounds/locales/zh.ts';
import type screen from '../features/screen/locales/zh.ts';
import type targets from '../features/targets/locales/zh.ts';
import { startI18n } from '../lib/i18n.ts';
import type common from '../lib/locales/common/zh.ts';
import '../lib/locales/common/words.ts';
import type targetForm from '../lib/locales/targetForm/zh.ts';

/** Every namespace, with the type of its Chinese words. */
export interface AppWords {
  common: typeof common;
  targetForm: typeof targetForm;
  admin: typeof admin;
  audit: typeof audit;
  auth: typeof auth;
  compare: typeof compare;
  entry: typeof entry;
  extract: typeof extract;
  heatmap: typeof heatmap;
  import: typeof importFeature;
  map: typeof map;
  overview: typeof overview;
  parks: typeof parks;
  plans: typeof plans;
  review: typeof review;
  rounds: typeof rounds;
  screen: typeof screen;
  targets: typeof targets;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    keySeparator: false;
    resources: AppWords;
  }
}

/** Starts i18next: the frame's common words (registered above) and the first page's are there. */
export function startAppI18n(): Promise<void> {
  return startI18n();
}
