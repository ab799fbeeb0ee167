// The two languages of the product, for every layer: the web's interface, the words of the catalogue
// and of the progress method (nameZh / nameEn, STATUS_ZH / STATUS_EN), and the API's messages.
export type Locale = 'zh' | 'en';

export const LOCALES: readonly Locale[] = ['zh', 'en'];

/** The language tag of a locale, for `<html lang>` and the `Accept-Language` the web sends. */
export const LANGUAGE_TAG: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };

/** A message in both languages, for words that are written once for the server and the web. */
export type Bilingual = Record<Locale, string>;
