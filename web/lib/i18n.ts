// The interface's words, through react-i18next: one namespace per feature (web/features/<feature>/
// locales/) and `common` for the app frame, states, filters, status and figure words and the shared UI
// (web/lib/locales/). Chinese is bundled (the first page's with it, each feature's with the feature);
// English is loaded a namespace at a time, when someone switches to it (or starts in it). The choice
// is kept in localStorage under `mubiao.locale` (a few lines here rather than a detector library: the
// first page's JavaScript has a budget). Data stay in the language they were published in (park
// names, plan titles, quotes); indicator names and statuses have both languages in the catalogue and
// the progress method.
//
// The app composes the namespaces (web/app/i18n.ts, which also types the keys); this file holds what
// every part of the web shares: starting i18next, the current locale, and the helpers below.
import i18next, { type FlatNamespace, type Namespace, type ParseKeys, type ResourceLanguage, type TFunction } from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next, useTranslation } from 'react-i18next';
import { LANGUAGE_TAG, LOCALES, type Locale } from '../../shared/locale.ts';
import { STATUS_EN, STATUS_ZH, type Status } from '../../shared/progress.ts';

/** Where the chosen language is kept (users' choices and the browser tests depend on this name). */
export const LOCALE_STORAGE_KEY = 'mubiao.locale';

/** A key of a namespace's words (typed: one that does not exist fails the type check). */
export type WordKey<NS extends Namespace = 'common'> = ParseKeys<NS>;

/** The English words of a namespace: exactly the keys of its Chinese words. */
export type Words<T> = { readonly [K in keyof T]: string };

/** i18next's settings for this app, shared by the browser and the unit tests. */
export const I18N_OPTIONS = {
  fallbackLng: 'zh',
  supportedLngs: LOCALES as Locale[],
  defaultNS: 'common',
  // Keys are flat ('ranking.title' is one key), so a key reads the same in code and in the words file.
  keySeparator: false,
  // React escapes every text it renders; escaping here as well would show &lt; to the reader.
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;

/** Reads the stored choice: English only when chosen, Chinese otherwise (whatever the browser says). */
function storedLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh'; // storage blocked: Chinese, the choice lasts for the page
  }
}

function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/**
 * Starts i18next for the app: the Chinese words of the first page bundled, every other namespace and
 * language through `load` (each a chunk of its own). Resolves once the stored language's words of the
 * first page are there, so the first render is already in it.
 */
export async function startI18n(words: { bundled: Record<string, Record<string, string>>; load: (locale: Locale, namespace: string) => Promise<Record<string, string>> }): Promise<void> {
  await i18next
    .use(resourcesToBackend((language: string, namespace: string) => words.load(asLocale(language), namespace)))
    .use(initReactI18next)
    .init({
      ...I18N_OPTIONS,
      lng: storedLocale(),
      ns: Object.keys(words.bundled),
      resources: { zh: words.bundled },
      // The bundled Chinese comes from `resources`; everything else through the loader above.
      partialBundledLanguages: true,
    });
  const applied = (language: string) => {
    document.documentElement.lang = LANGUAGE_TAG[asLocale(language)];
  };
  applied(i18next.language);
  i18next.on('languageChanged', (language) => {
    applied(language);
    storeLocale(asLocale(language));
  });
}

/**
 * A page's module and its namespaces' words, loaded side by side (for React.lazy in routes.tsx): the
 * page never renders before its words are there, and the two downloads do not wait for each other.
 */
export async function withWords<T>(namespaces: readonly FlatNamespace[], page: () => Promise<T>): Promise<T> {
  const [module] = await Promise.all([page(), i18next.loadNamespaces([...namespaces])]);
  return module;
}

/**
 * A translator of one language over the given namespaces' words, without React or a browser: for the
 * tests of pure functions that take a `t`. The words are passed in, so a test reads the real ones.
 */
export function fixedTranslator<const NS extends readonly FlatNamespace[]>(locale: Locale, words: { [N in NS[number]]: ResourceLanguage[string] }, ns: NS): TFunction<NS> {
  const instance = i18next.createInstance({ ...I18N_OPTIONS, lng: locale, ns: [...ns], resources: { [locale]: words }, initAsync: false });
  void instance.init();
  return instance.getFixedT(locale, ns) as TFunction<NS>;
}

function asLocale(language: string | undefined): Locale {
  return language === 'en' ? 'en' : 'zh';
}

/** The language the interface is in now (outside React: the API client, error pages). */
export function currentLocale(): Locale {
  return asLocale(i18next.language);
}

/** The interface's language; components re-render when it changes. */
export function useLocale(): Locale {
  return asLocale(useTranslation().i18n.language);
}

/** Switches the interface's language (its words are loaded first when they are not yet there); the choice is kept. */
export function setLocale(locale: Locale): Promise<unknown> {
  return i18next.changeLanguage(locale);
}

export function statusWord(status: Status, locale: Locale): string {
  return locale === 'zh' ? STATUS_ZH[status] : STATUS_EN[status];
}

export function indicatorName(indicator: { nameZh: string; nameEn: string }, locale: Locale): string {
  return locale === 'zh' ? indicator.nameZh : indicator.nameEn;
}
