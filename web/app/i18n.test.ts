import { describe, expect, it } from 'vitest';
import { fixedTranslator } from '../lib/i18n.ts';
import commonEn from '../lib/locales/common/en.ts';
import commonZh from '../lib/locales/common/zh.ts';
import overviewEn from '../features/overview/locales/en.ts';
import overviewZh from '../features/overview/locales/zh.ts';

type Words = Record<string, string>;
const files = {
  ...import.meta.glob<Words>('../features/*/locales/{zh,en}.ts', { eager: true, import: 'default' }),
  ...import.meta.glob<Words>('../lib/locales/*/{zh,en}.ts', { eager: true, import: 'default' }),
};
/** Every namespace's words by language: { zh: { common: …, overview: … }, en: { … } }. */
const byLanguage: Record<string, Record<string, Words>> = { zh: {}, en: {} };
for (const [file, words] of Object.entries(files)) {
  const [, feature, shared, lang] = /(?:features\/(\w+)\/locales|lib\/locales\/(\w+))\/(\w+)\.ts$/.exec(file)!;
  byLanguage[lang!]![(feature ?? shared)!] = words;
}

describe('the words of the interface', () => {
  it('has every namespace in Chinese and English, each message in both with the same placeholders', () => {
    expect(Object.keys(byLanguage)).toEqual(['zh', 'en']);
    expect(Object.keys(byLanguage.en!).sort()).toEqual(Object.keys(byLanguage.zh!).sort());
    expect(Object.keys(byLanguage.zh!).length).toBeGreaterThanOrEqual(18);
    const holes = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [ns, zh] of Object.entries(byLanguage.zh!)) {
      const en = byLanguage.en![ns]!;
      expect(Object.keys(en).sort(), ns).toEqual(Object.keys(zh).sort());
      for (const [key, text] of Object.entries(zh)) {
        expect(holes(en[key]!), `${ns}:${key}`).toEqual(holes(text));
        expect(en[key], `${ns}:${key}`).not.toBe('');
        // A single-brace {name} is the old placeholder syntax: i18next would show it as it is.
        expect(text.replace(/\{\{\w+\}\}/g, ''), `${ns}:${key}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('fills placeholders, reads the common namespace by prefix, and leaves text as it is (React escapes it)', () => {
    const zh = fixedTranslator('zh', { overview: overviewZh, common: commonZh }, ['overview', 'common']);
    const en = fixedTranslator('en', { overview: overviewEn, common: commonEn }, ['overview', 'common']);
    expect(zh('summary', { count: 13 })).toBe('共 13 个目标');
    expect(en('summary', { count: 13 })).toBe('13 targets');
    expect(en('common:words.parksIncluded', { included: 3, expected: 8 })).toBe('3 of 8 parks included');
    expect(zh('common:state.refreshFailed', { message: '<b>超时</b>' })).toBe('刷新失败: <b>超时</b>。下面是之前加载的数据。');
  });
});
