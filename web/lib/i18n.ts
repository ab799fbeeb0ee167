// The interface's words, through react-i18next: one namespace per feature (web/features/<feature>/
// locales/zh.ts and en.ts) and shared ones (web/lib/locales/<namespace>/): `common` for the app frame,
// states, filters, status and figure words, and `targetForm` for the fields of a target. Each
// namespace is registered by the code that uses it (the words.ts beside its locales/, imported by the
// feature's pages): its Chinese words travel in that code's chunk, its English are fetched a namespace
// at a time when someone reads it in English. The choice of language is kept in localStorage under
// `mubiao.locale` (a few lines here rather than a detector library: the first page's JavaScript has a
// budget). Data stay in the language they were published in (park names, plan titles, quotes);
// indicator names and statuses have both languages in the catalogue and the progress method.
//
// web/app/i18n.ts types every key and starts this; this file holds what every part of the web shares.
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

type WordsModule = { default: Record<string, string> };

/** Every namespace the loaded code uses: its Chinese words, and where its English words are. */
const registered = new Map<string, { zh: Record<string, string>; en: () => Promise<WordsModule> }>();

/**
 * A namespace's words, declared by the code that uses them (each feature's words.ts, imported by its
 * pages): the Chinese come with that code's chunk, the English are fetched the first time someone
 * reads the namespace in English.
 */
export function registerWords(namespace: FlatNamespace, zh: Record<string, string>, en: () => Promise<WordsModule>): void {
  if (registered.has(namespace)) return;
  registered.set(namespace, { zh, en });
  if (!i18next.isInitialized) return; // startI18n takes it from here
  i18next.addResourceBundle('zh', namespace, zh);
  // known to i18next from now on: a switch of language loads its English too
  void i18next.loadNamespaces(namespace);
}

/**
 * Starts i18next for the app with the namespaces registered so far (the first page's), the English
 * of any namespace loaded on demand. Resolves once the stored language's words are there, so the first
 * render is already in it.
 */
export async function startI18n(): Promise<void> {
  await i18next
    .use(resourcesToBackend(async (language: string, namespace: string) => {
      const words = registered.get(namespace);
      if (!words) throw new Error(`没有注册词条命名空间 ${namespace} (no words registered for ${namespace})`);
      return language === 'en' ? (await words.en()).default : words.zh;
    }))
    .use(initReactI18next)
    .init({
      ...I18N_OPTIONS,
      lng: storedLocale(),
      ns: [...registered.keys()],
      resources: { zh: Object.fromEntries([...registered].map(([ns, words]) => [ns, words.zh])) },
      // The Chinese come from `resources` (and addResourceBundle later); English through the loader above.
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
 * A page's module, once the words it registered are there in the current language (for React.lazy in
 * routes.tsx): in Chinese they came with it; in English they are fetched before the page renders.
 */
export async function withWords<T>(page: () => Promise<T>): Promise<T> {
  const module = await page();
  await i18next.loadNamespaces([...registered.keys()]);
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
