// The app's words: every feature's namespace and the common one, composed here (features do not
// import each other, so only the app knows them all). The Chinese words of the first page — the frame
// (common) and the overview — are bundled with it; every other feature's
// Chinese words are bundled with that feature's code (routes.tsx loads both together, `withWords`),
// and English comes a namespace at a time, only for someone who reads the app in English. The
// declaration below types every key: a key that does not exist, or a missing parameter, fails tsc.
import type { Locale } from '../../shared/locale.ts';
import type admin from '../features/admin/locales/zh.ts';
import type audit from '../features/audit/locales/zh.ts';
import type auth from '../features/auth/locales/zh.ts';
import type compare from '../features/compare/locales/zh.ts';
import type entry from '../features/entry/locales/zh.ts';
import type extract from '../features/extract/locales/zh.ts';
import type heatmap from '../features/heatmap/locales/zh.ts';
import type importFeature from '../features/import/locales/zh.ts';
import type map from '../features/map/locales/zh.ts';
import overview from '../features/overview/locales/zh.ts';
import type parks from '../features/parks/locales/zh.ts';
import type plans from '../features/plans/locales/zh.ts';
import type review from '../features/review/locales/zh.ts';
import type rounds from '../features/rounds/locales/zh.ts';
import type screen from '../features/screen/locales/zh.ts';
import type targets from '../features/targets/locales/zh.ts';
import { startI18n } from '../lib/i18n.ts';
import common from '../lib/locales/common/zh.ts';
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

/** The Chinese words the first page needs, in its own bundle. */
const FIRST_PAGE_WORDS = { common, overview };

// Vite makes each words file a chunk of its own; a namespace's file is fetched the first time it is needed.
const featureWords = import.meta.glob<{ default: Record<string, string> }>(['../features/*/locales/*.ts', '!../features/overview/locales/zh.ts']);
const sharedWords = import.meta.glob<{ default: Record<string, string> }>(['../lib/locales/*/*.ts', '!../lib/locales/common/zh.ts']);

async function loadWords(locale: Locale, namespace: string): Promise<Record<string, string>> {
  const load = featureWords[`../features/${namespace}/locales/${locale}.ts`] ?? sharedWords[`../lib/locales/${namespace}/${locale}.ts`];
  if (!load) throw new Error(`没有 ${namespace} 的${locale === 'zh' ? '中文' : '英文'}词条 (no words for ${namespace} in ${locale})`);
  return (await load()).default;
}

export function startAppI18n(): Promise<void> {
  return startI18n({ bundled: FIRST_PAGE_WORDS, load: loadWords });
}
