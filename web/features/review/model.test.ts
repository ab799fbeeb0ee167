import { describe, expect, it } from 'vitest';
import type { ReportedValueT } from '../../../shared/schemas.ts';
import { changeText, groupForReview, refusalLines, selectedItems, yearSpan } from './model.ts';

let nextId = 1;
const figure = (park: [number, string], code: string, year: number, value: number, status: ReportedValueT['status'] = 'submitted'): ReportedValueT => ({
  id: nextId++, subject: { kind: 'park', parkId: park[0], parkName: park[1], regionCode: null, regionName: null },
  indicator: { code, nameZh: code === 'gdp' ? '地区生产总值' : '国家高新技术企业数', nameEn: code, unit: code === 'gdp' ? '亿元' : '家', kind: 'amount' },
  year, value, unit: code === 'gdp' ? '亿元' : '家', status, note: null, source: null, enteredBy: 'qiantang', enteredAt: '2026-01-01T00:00:00.000Z', version: 2,
});
const qt: [number, string] = [6, '萧山临江高新区'];
const nb: [number, string] = [7, '宁波高新区'];

describe('review list', () => {
  const submitted = [figure(qt, 'hte_count', 2022, 905), figure(qt, 'gdp', 2022, 5000), figure(nb, 'gdp', 2022, 300), figure(qt, 'gdp', 2023, 550)];
  const earlier = [figure(qt, 'hte_count', 2021, 802, 'approved'), figure(qt, 'gdp', 2021, 480, 'approved'), figure(qt, 'gdp', 2022, 500, 'approved')];

  it('groups submitted figures by park and year, newest year first, with last year and the jump', () => {
    const groups = groupForReview(submitted, earlier);
    expect(groups.map((g) => `${g.name} ${g.year} ${g.items.length}`)).toEqual(['萧山临江高新区 2023 1', '宁波高新区 2022 1', '萧山临江高新区 2022 2']);
    const qt2022 = groups[2]!;
    expect(qt2022.items[0]).toMatchObject({ lastYear: { year: 2021, value: 802 }, jump: false });
    expect(qt2022.items[0]!.change).toBeCloseTo(103 / 802, 10);
    expect(changeText(qt2022.items[0]!)).toBe('+13%');
    expect(qt2022.items[1]).toMatchObject({ lastYear: { value: 480 }, jump: true });
    expect(changeText(qt2022.items[1]!)).toBe('×10.4');
    expect(groups[1]!.items[0]).toMatchObject({ lastYear: null, change: null, jump: false });
    expect(changeText(groups[1]!.items[0]!)).toBe('—');
    expect(yearSpan(submitted)).toEqual({ from: 2022 - 15, to: 2023 + 15 });
    expect(yearSpan([])).toBeNull();
  });

  it('compares with the nearest year, whatever the gap: 2024’s GDP against 2020’s, and a figure with only later years against the year after', () => {
    const ningbo2024 = figure(nb, 'gdp', 2024, 3200);
    const ningbo2019 = figure(nb, 'gdp', 2019, 28.94);
    const groups = groupForReview([ningbo2024, ningbo2019], [figure(nb, 'gdp', 2020, 289.4, 'approved')]);
    const item2024 = groups.flatMap((g) => g.items).find((i) => i.value.year === 2024)!;
    expect(item2024).toMatchObject({ lastYear: { year: 2020, value: 289.4 }, jump: true, against: { year: 2020, value: 289.4 } });
    expect(changeText(item2024)).toBe('×11.1');
    // 2019 has nothing before: compared with 2020, the year after (÷10).
    const item2019 = groups.flatMap((g) => g.items).find((i) => i.value.year === 2019)!;
    expect(item2019).toMatchObject({ lastYear: null, jump: true, against: { year: 2020, value: 289.4 } });
    expect(changeText(item2019)).toBe('÷10');
    // ×8 four years on is within the widened factor: no jump.
    const calm = groupForReview([figure(nb, 'gdp', 2024, 2315)], [figure(nb, 'gdp', 2020, 289.4, 'approved')]);
    expect(calm[0]!.items[0]).toMatchObject({ jump: false, against: null });
  });

  it('sends the selected figures with the versions seen, and names the figures a refusal is about', () => {
    const groups = groupForReview(submitted, earlier);
    const chosen = new Set([submitted[0]!.id, submitted[2]!.id]);
    const sent = selectedItems(groups, chosen);
    expect(sent).toEqual([{ id: submitted[2]!.id, version: 2 }, { id: submitted[0]!.id, version: 2 }]);
    const lines = refusalLines([{ path: '1.version', message: '数据已被修改' }], sent, groups.flatMap((g) => g.items));
    expect(lines).toEqual([{ label: '萧山临江高新区 2022 国家高新技术企业数', message: '数据已被修改' }]);
  });

  it('writes small changes with a decimal and falls to a minus sign', () => {
    const base = { jump: false, lastYear: { year: 2021, value: 100 }, value: figure(qt, 'gdp', 2022, 97) };
    expect(changeText({ ...base, change: -0.03 })).toBe('−3%');
    expect(changeText({ ...base, change: 0.045 })).toBe('+4.5%');
    expect(changeText({ ...base, change: 0.125 })).toBe('+13%');
    expect(changeText({ ...base, change: 0 })).toBe('0%');
  });
});
