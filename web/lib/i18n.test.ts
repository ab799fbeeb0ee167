import { describe, expect, it } from 'vitest';
import { DICTIONARIES, translate } from './i18n.ts';

describe('i18n', () => {
  it('has every message in Chinese and English, with the same placeholders', () => {
    const zhKeys = Object.keys(DICTIONARIES.zh).sort();
    expect(Object.keys(DICTIONARIES.en).sort()).toEqual(zhKeys);
    const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of zhKeys) {
      const k = key as keyof typeof DICTIONARIES.zh;
      expect(holes(DICTIONARIES.en[k]), key).toEqual(holes(DICTIONARIES.zh[k]));
      expect(DICTIONARIES.en[k], key).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh', 'overview.summary', { count: 13 })).toBe('共 13 个目标');
    expect(translate('en', 'overview.summary', { count: 13 })).toBe('13 targets');
    expect(translate('en', 'words.parksIncluded', { included: 3 })).toBe('3 of {expected} parks included');
  });
});
