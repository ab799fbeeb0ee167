import { describe, expect, it } from 'vitest';
import { canConvert, convert, formatNumber, formatValue } from './units.ts';

describe('unit conversion', () => {
  it('converts money between 元, 万元 and 亿元 exactly', () => {
    expect(convert(1.2, '亿元', '万元')).toBe(12000);
    expect(convert(42, '万元', '元')).toBe(420000);
    expect(convert(68, '亿元', '亿元')).toBe(68);
    expect(convert(0.3, '亿元', '万元')).toBe(3000);
  });

  it('converts land between 亩, 公顷 and 平方公里', () => {
    expect(convert(1, '平方公里', '亩')).toBe(1500);
    expect(convert(2, '公顷', '亩')).toBe(30);
    expect(convert(3000, '亩', '平方公里')).toBe(2);
  });

  it('refuses to convert across dimensions', () => {
    expect(canConvert('亿元', '亩')).toBe(false);
    expect(canConvert('%', '家')).toBe(false);
    // Statistics sheets: 千元 for money, 个 for a count of firms.
    expect(convert(52_346_000, '千元', '亿元')).toBe(523.46);
    expect(convert(2_456_800, '万元', '亿元')).toBe(245.68);
    expect(canConvert('个', '家')).toBe(true);
    expect(convert(3120, '个', '家')).toBe(3120);
    expect(canConvert('个', '名')).toBe(false);
    expect(() => convert(1, '亿元', '亩')).toThrow(/不能把单位“亿元”换算为“亩”/);
  });
});

describe('Chinese number formatting', () => {
  it('writes large counts with 万 and 亿', () => {
    expect(formatNumber(42400)).toBe('4.24万');
    expect(formatNumber(150_000_000_000)).toBe('1,500亿');
    expect(formatNumber(802)).toBe('802');
    // Rounding never writes “-0”, and a tiny share keeps two significant digits.
    expect(formatValue(-5 / 3_200_000 * 100, '%')).toBe('-0.00016%');
    expect(formatValue(-0.0001, '%', { digits: 1 })).toBe('0%');
    expect(formatValue(0.004, '亿元')).toBe('0.004亿元');
    expect(formatNumber(42400, { locale: 'en' })).toBe('42,400');
  });

  it('writes values with their unit and trims needless zeros', () => {
    expect(formatValue(7.3, '%')).toBe('7.3%');
    expect(formatValue(8, '%')).toBe('8%');
    expect(formatValue(6.785714, '%')).toBe('6.79%');
    expect(formatValue(42, '万元/亩')).toBe('42万元/亩');
    expect(formatValue(802, '家')).toBe('802家');
    expect(formatValue(42400, '家')).toBe('4.24万家');
    expect(formatValue(2271, '亿元')).toBe('2,271亿元');
    expect(formatValue(32000, '亿元')).toBe('3.2万亿元');
    expect(formatValue(12000, '亩')).toBe('1.2万亩');
    expect(formatValue(1000, '家')).toBe('1,000家');
    expect(formatValue(2271, '亿元', { locale: 'en' })).toBe('227.1 bn yuan');
    expect(formatValue(42, '万元/亩', { locale: 'en' })).toBe('420 k yuan/mu');
    expect(formatValue(400, '万平方米', { locale: 'en' })).toBe('4 million m²');
    expect(formatValue(25000, '万元')).toBe('2.5亿元');
    expect(formatValue(null, '%')).toBe('—');
    expect(formatValue(5, '名', { locale: 'en' })).toBe('5 (rank)');
  });
});
