import { describe, expect, it } from 'vitest';
import { computeProgress, directionOf, leastSquaresSlope, meetsTarget, noRegionSet, projectionPath, straightPath, type ProgressTarget } from './progress.ts';
import { extraNumeratorNeeded, findIndicator } from './indicators.ts';

const now = { currentYear: 2024 };

describe('worked example A: R&D intensity of all zones, about 8% by 2025', () => {
  const target: ProgressTarget = { comparator: 'about', targetValue: 8, targetYear: 2025, tolerance: 0.05 };
  // 2020: 300亿 / 5000亿; 2023: 380亿 / 5600亿 (ratio of sums, in %)
  const v2020 = (300 / 5000) * 100;
  const v2023 = (380 / 5600) * 100;

  it('with two values reads as needing acceleration, with every output as in the method', () => {
    const p = computeProgress(target, [{ year: 2020, value: v2020 }, { year: 2023, value: v2023 }], { direction: 'up', ...now });
    expect(p.baselineValue).toBe(6);
    expect(p.latestValue).toBeCloseTo(6.7857, 4);
    expect(p.requiredPace).toBeCloseTo(0.4, 10);
    expect(p.observedPace).toBeCloseTo(0.2619, 4);
    expect(p.paceRatio).toBeCloseTo(0.6548, 4);
    expect(p.status).toBe('needs_acceleration');
    expect(p.progress).toBeCloseTo(0.3929, 4);
    expect(p.elapsed).toBeCloseTo(0.6, 10);
    expect(p.expected).toBeCloseTo(7.2, 10);
    expect(p.gap).toBeCloseTo(1.2143, 4);
    expect(p.gapRelative).toBeCloseTo(1.2143 / 8, 4);
    expect(p.neededPaceFromNow).toBeCloseTo(0.6071, 4);
    expect(p.projected).toBeCloseTo(7.3095, 4);
    expect(p.projectedAttained).toBe(false); // below 7.6
    expect(p.projectedGap).toBeCloseTo(0.6905, 4); // “按当前速度, 2025年预计达到 7.31%, 距目标差 0.69个百分点”
    expect(p.attained).toBe(false);
  });

  it('needs 68亿元 more R&D spending at 2023 GDP', () => {
    expect(extraNumeratorNeeded(findIndicator('rd_intensity')!, 8, 380, 5600)).toBeCloseTo(68, 10);
  });

  it('with 2021 and 2022 added uses the least-squares slope', () => {
    const p = computeProgress(target, [
      { year: 2020, value: v2020 }, { year: 2021, value: 6.1 }, { year: 2022, value: 6.5 }, { year: 2023, value: v2023 },
    ], { direction: 'up', ...now });
    expect(p.observedPace).toBeCloseTo(0.27571, 5);
    expect(p.paceRatio).toBeCloseTo(0.6893, 4);
    expect(p.status).toBe('needs_acceleration');
  });
});

describe('worked example B: high-tech enterprises in one zone, at least 1000 by 2023', () => {
  it('is on track at 905 in 2022 from 802 in 2021', () => {
    const p = computeProgress(
      { comparator: 'at_least', targetValue: 1000, targetYear: 2023, baselineYear: 2021, baselineValue: 802 },
      [{ year: 2022, value: 905 }],
      { direction: 'up', currentYear: 2023, compoundGrowth: true },
    );
    expect(p.requiredPace).toBe(99);
    expect(p.observedPace).toBe(103);
    expect(p.paceRatio).toBeCloseTo(1.0404, 4);
    expect(p.status).toBe('on_track');
    expect(p.progress).toBeCloseTo(0.5202, 4);
    expect(p.neededPaceFromNow).toBe(95);
    expect(p.neededGrowthRateFromNow).toBeCloseTo(1000 / 905 - 1, 10);
  });
});

describe('worked example C: low-efficiency firms, at most 0 by 2024', () => {
  it('needs acceleration at 30 in 2023 from 60 in 2021', () => {
    const p = computeProgress(
      { comparator: 'at_most', targetValue: 0, targetYear: 2024, baselineYear: 2021, baselineValue: 60 },
      [{ year: 2023, value: 30 }],
      { direction: 'down', ...now },
    );
    expect(p.direction).toBe('down');
    expect(p.requiredPace).toBe(-20);
    expect(p.observedPace).toBe(-15);
    expect(p.paceRatio).toBe(0.75);
    expect(p.status).toBe('needs_acceleration');
    expect(p.progress).toBe(0.5);
    expect(p.elapsed).toBeCloseTo(0.6667, 4);
    expect(p.gap).toBe(-30);
    expect(p.gapRelative).toBeNull(); // T = 0: no relative gap
  });
});

describe('worked example D: a rank, at most 10 by 2025', () => {
  it('is on track at 13 in 2021 from 15 in 2020 (R = 2)', () => {
    const p = computeProgress(
      { comparator: 'at_most', targetValue: 10, targetYear: 2025, baselineYear: 2020, baselineValue: 15 },
      [{ year: 2020, value: 15 }, { year: 2021, value: 13 }],
      { direction: 'down', ...now },
    );
    expect(p.paceRatio).toBe(2);
    expect(p.status).toBe('on_track');
  });
});

describe('worked example E: coverage of 11 cities by 2027', () => {
  it('is limited when still 7 covered in 2024 from 7 in 2021 (R = 0)', () => {
    const series = [2021, 2022, 2023, 2024].map((year) => ({ year, value: 7 }));
    const p = computeProgress(
      { comparator: 'at_least', targetValue: 11, targetYear: 2027, baselineYear: 2021, baselineValue: 7 },
      series,
      { direction: 'up', ...now },
    );
    expect(p.paceRatio).toBe(0);
    expect(p.status).toBe('limited');
    expect(p.gap).toBe(4);
  });
});

describe('edge cases', () => {
  const atLeast: ProgressTarget = { comparator: 'at_least', targetValue: 100, targetYear: 2025 };

  it('with no value at all has insufficient data and no outputs', () => {
    const p = computeProgress(atLeast, [], { direction: 'up', currentYear: 2024 });
    expect(p.status).toBe('insufficient_data');
    expect(p.attained).toBeNull();
    expect(p.gap).toBeNull();
    expect(p.awaitingFinal).toBe(false);
  });

  it('with one value only and no baseline has insufficient data but still a gap', () => {
    const p = computeProgress(atLeast, [{ year: 2022, value: 60 }], { direction: 'up', currentYear: 2024 });
    expect(p.status).toBe('insufficient_data');
    expect(p.baselineYear).toBe(2022);
    expect(p.gap).toBe(40);
    expect(p.neededPaceFromNow).toBeCloseTo(40 / 3, 10);
    expect(p.observedPace).toBeNull();
  });

  it('one value that already meets the target is achieved', () => {
    const p = computeProgress({ comparator: 'at_most', targetValue: 10, targetYear: 2025 }, [{ year: 2023, value: 5 }], { direction: 'down', currentYear: 2024 });
    expect(p.status).toBe('achieved');
    expect(p.gap).toBe(0);
  });

  it('without a baseline uses the earliest value of the series', () => {
    const p = computeProgress(atLeast, [{ year: 2021, value: 70 }, { year: 2020, value: 50 }, { year: 2022, value: 80 }], { direction: 'up', currentYear: 2024 });
    expect(p.baselineYear).toBe(2020);
    expect(p.baselineValue).toBe(50);
    expect(p.observedPace).toBe(15);
    expect(p.requiredPace).toBe(10);
    expect(p.status).toBe('on_track');
  });

  it('a baseline year without a value takes that year from the series', () => {
    const p = computeProgress({ ...atLeast, baselineYear: 2021 }, [{ year: 2020, value: 10 }, { year: 2021, value: 50 }, { year: 2023, value: 60 }], { direction: 'up', currentYear: 2024 });
    expect(p.baselineValue).toBe(50);
    expect(p.observedPace).toBe(5);
  });

  it('target year passed without attaining is missed, and progress is not clamped', () => {
    const p = computeProgress(atLeast, [{ year: 2020, value: 50 }, { year: 2025, value: 40 }], { direction: 'up', currentYear: 2026 });
    expect(p.status).toBe('missed');
    expect(p.progress).toBeCloseTo(-0.2, 10);
    expect(p.neededPaceFromNow).toBeNull();
    expect(p.projected).toBeNull();
    expect(p.awaitingFinal).toBe(false);
  });

  it('target year passed on the calendar with no final figure is awaiting the final figure', () => {
    const p = computeProgress(atLeast, [{ year: 2020, value: 50 }, { year: 2023, value: 80 }], { direction: 'up', currentYear: 2026 });
    expect(p.awaitingFinal).toBe(true);
    expect(p.status).toBe('on_track'); // still from the latest value
  });

  it('a falling series on a rising target is regressing', () => {
    const p = computeProgress(atLeast, [{ year: 2020, value: 50 }, { year: 2022, value: 45 }], { direction: 'up', currentYear: 2024 });
    expect(p.paceRatio).toBeLessThan(0);
    expect(p.status).toBe('regressing');
  });

  it('a slow rise below 60% of the required pace is limited progress', () => {
    const p = computeProgress(atLeast, [{ year: 2020, value: 50 }, { year: 2022, value: 55 }], { direction: 'up', currentYear: 2024 });
    expect(p.paceRatio).toBeCloseTo(0.25, 10);
    expect(p.status).toBe('limited');
  });

  it('zero and negative values: no compound growth rate, the linear outputs still work', () => {
    const p = computeProgress({ comparator: 'at_least', targetValue: 10, targetYear: 2025, baselineYear: 2020, baselineValue: -5 },
      [{ year: 2022, value: 0 }], { direction: 'up', currentYear: 2024, compoundGrowth: true });
    expect(p.neededGrowthRateFromNow).toBeNull();
    expect(p.requiredPace).toBe(3);
    expect(p.observedPace).toBe(2.5);
    expect(p.progress).toBeCloseTo(1 / 3, 10);
  });

  it('about with tolerance: met from T·(1 − tol) upwards, and overshooting is not a failure', () => {
    const about: ProgressTarget = { comparator: 'about', targetValue: 8, targetYear: 2025, tolerance: 0.05 };
    expect(meetsTarget(7.6, about, 'up')).toBe(true);
    expect(meetsTarget(7.59, about, 'up')).toBe(false);
    expect(meetsTarget(12, about, 'up')).toBe(true);
    expect(meetsTarget(42 * 1.05, { ...about, targetValue: 42 }, 'down')).toBe(true);
    expect(meetsTarget(42 * 1.06, { ...about, targetValue: 42 }, 'down')).toBe(false);
    // default tolerance 5%
    expect(meetsTarget(7.6, { ...about, tolerance: null }, 'up')).toBe(true);
    const p = computeProgress(about, [{ year: 2020, value: 6 }, { year: 2023, value: 7.7 }], { direction: 'up', currentYear: 2024 });
    expect(p.status).toBe('achieved');
    expect(p.gap).toBe(0);
  });

  it('more_than is strict and at_least is not', () => {
    expect(meetsTarget(50, { comparator: 'more_than', targetValue: 50, targetYear: 2025 }, 'up')).toBe(false);
    expect(meetsTarget(50.01, { comparator: 'more_than', targetValue: 50, targetYear: 2025 }, 'up')).toBe(true);
    expect(meetsTarget(50, { comparator: 'at_least', targetValue: 50, targetYear: 2025 }, 'up')).toBe(true);
    expect(meetsTarget(10, { comparator: 'less_than', targetValue: 10, targetYear: 2025 }, 'down')).toBe(false);
  });

  it('a decreasing target reads its direction from baseline and target', () => {
    const p = computeProgress({ comparator: 'at_most', targetValue: 20, targetYear: 2025, baselineYear: 2020, baselineValue: 40 },
      [{ year: 2022, value: 30 }], { direction: 'up', currentYear: 2024 });
    expect(p.direction).toBe('down');
    expect(p.requiredPace).toBe(-4);
    expect(p.observedPace).toBe(-5);
    expect(p.paceRatio).toBe(1.25);
    expect(p.status).toBe('on_track');
  });

  it('ranks: lower is better, and climbing the ranking the wrong way is regressing', () => {
    const p = computeProgress({ comparator: 'at_most', targetValue: 10, targetYear: 2025 },
      [{ year: 2020, value: 15 }, { year: 2021, value: 17 }], { direction: 'down', currentYear: 2024 });
    expect(p.direction).toBe('down');
    expect(p.status).toBe('regressing');
  });

  it('least-squares slope needs two distinct years', () => {
    expect(leastSquaresSlope([{ year: 2020, value: 1 }])).toBeNull();
    expect(leastSquaresSlope([{ year: 2020, value: 1 }, { year: 2022, value: 5 }])).toBe(2);
  });
});

describe('worked example F: a rank already inside the goal is held, not approached (rule 2)', () => {
  const target: ProgressTarget = { comparator: 'at_most', targetValue: 10, targetYear: 2025, baselineYear: 2016, baselineValue: 3 };

  it('is achieved while it attains, with no share of a distance and no gap', () => {
    const p = computeProgress(target, [{ year: 2023, value: 5 }], { direction: 'down', currentYear: 2024 });
    expect(p.direction).toBe('down');
    expect(p.held).toBe(true);
    expect(p.status).toBe('achieved');
    expect(p.progress).toBeNull();
    expect(p.gap).toBe(0);
    expect(p.statusReason).toBeNull();
  });

  it('is regressing once it stops attaining before the target year, 2 places short', () => {
    const p = computeProgress(target, [{ year: 2023, value: 5 }, { year: 2024, value: 12 }], { direction: 'down', currentYear: 2025 });
    expect(p.held).toBe(true);
    expect(p.attained).toBe(false);
    expect(p.status).toBe('regressing');
    expect(p.progress).toBeNull();
    expect(p.gap).toBe(-2); // T − v: two places above the bar
  });

  it('is missed when it does not attain in the target year', () => {
    const p = computeProgress(target, [{ year: 2025, value: 12 }], { direction: 'down', currentYear: 2026 });
    expect(p.status).toBe('missed');
    expect(p.progress).toBeNull();
  });
});

describe('worked example G: an incomplete later year never decides the status (rule 3)', () => {
  const target: ProgressTarget = { comparator: 'about', targetValue: 8, targetYear: 2025, tolerance: 0.05 };
  const series = [
    { year: 2020, value: 6.0, parksIncluded: 8, parksExpected: 8 },
    { year: 2023, value: (380 / 5600) * 100, parksIncluded: 8, parksExpected: 8 },
    { year: 2024, value: (24.5 / 320.6) * 100, parksIncluded: 1, parksExpected: 8 },
  ];

  it('reads 2023 as in example A and shows 2024 as provisional, 1 of 8 parks', () => {
    const p = computeProgress(target, series, { direction: 'up', currentYear: 2026 });
    expect(p.latestYear).toBe(2023);
    expect(p.latestValue).toBeCloseTo(6.7857, 4);
    expect(p.status).toBe('needs_acceleration');
    expect(p.paceRatio).toBeCloseTo(0.6548, 4);
    expect(p.progress).toBeCloseTo(0.3929, 4);
    expect(p.gap).toBeCloseTo(1.2143, 4);
    expect(p.projected).toBeCloseTo(7.3095, 4);
    expect(p.provisionalLatest).toEqual({ year: 2024, value: expect.closeTo(7.6419, 4), parksIncluded: 1, parksExpected: 8 });
    expect(p.attained).toBe(false);
  });

  it('with no complete year at all is insufficient data for the reason incomplete', () => {
    const p = computeProgress(target, [series[2]!], { direction: 'up', currentYear: 2026, indicators: [{ code: 'rd_spending', nameZh: 'rd_spending', nameEn: 'rd_spending' }, { code: 'gdp', nameZh: 'gdp', nameEn: 'gdp' }] });
    expect(p.status).toBe('insufficient_data');
    expect(p.statusReason).toBe('incomplete');
    expect(p.attained).toBeNull();
    expect(p.provisionalLatest?.year).toBe(2024);
    expect(p.missing).toEqual({ indicators: ['rd_spending', 'gdp'], indicatorNames: [{ code: 'rd_spending', nameZh: 'rd_spending', nameEn: 'rd_spending' }, { code: 'gdp', nameZh: 'gdp', nameEn: 'gdp' }], parks: [], parksTotal: 0, regions: [], years: [2024, 2025] });
  });

  it('counts 80% of the parks as complete and 7 of 9 as not', () => {
    const at = (parksIncluded: number, parksExpected: number) => computeProgress(target,
      [{ year: 2024, value: 7.7, parksIncluded, parksExpected }], { direction: 'up', currentYear: 2025 });
    expect(at(8, 10).status).toBe('achieved');
    expect(at(7, 9).statusReason).toBe('incomplete');
  });
});

describe('worked example H: five-year-old figures decide nothing (rule 4)', () => {
  it('is insufficient data for the reason stale, with the last known pace kept as context', () => {
    const p = computeProgress(
      { comparator: 'at_most', targetValue: 10, targetYear: 2025, baselineYear: 2020, baselineValue: 15 },
      [{ year: 2020, value: 15 }, { year: 2021, value: 13 }],
      { direction: 'down', currentYear: 2026, indicators: [{ code: 'national_rank', nameZh: 'national_rank', nameEn: 'national_rank' }] },
    );
    expect(p.status).toBe('insufficient_data');
    expect(p.statusReason).toBe('stale');
    expect(p.paceRatio).toBe(2);
    expect(p.lastKnownStatus).toBe('on_track');
    expect(p.latestYear).toBe(2021);
    // Nothing is projected or asked of the years since from data this old.
    expect(p.projected).toBeNull();
    expect(p.elapsed).toBeNull();
    expect(p.neededPaceFromNow).toBeNull();
    expect(p.missing).toEqual({ indicators: ['national_rank'], indicatorNames: [{ code: 'national_rank', nameZh: 'national_rank', nameEn: 'national_rank' }], parks: [], parksTotal: 0, regions: [], years: [2022, 2023, 2024, 2025] });
  });

  it('a figure two years before the reporting year is not stale yet', () => {
    const p = computeProgress(
      { comparator: 'at_most', targetValue: 10, targetYear: 2025, baselineYear: 2020, baselineValue: 15 },
      [{ year: 2023, value: 12 }],
      { direction: 'down', currentYear: 2026 },
    );
    expect(p.statusReason).toBeNull();
    expect(p.paceRatio).toBe(1); // 3 places in 3 years, where 5 in 5 were needed
    expect(p.status).toBe('on_track');
  });

  it('a figure of the target year itself is final, however old', () => {
    const p = computeProgress(
      { comparator: 'at_least', targetValue: 100, targetYear: 2020, baselineYear: 2018, baselineValue: 60 },
      [{ year: 2020, value: 90 }],
      { direction: 'up', currentYear: 2026 },
    );
    expect(p.status).toBe('missed');
    expect(p.statusReason).toBeNull();
  });
});

describe('worked example I: coverage with its baseline in the year the target was set', () => {
  it('reads limited with 7 of 11 covered in every year 2021–2024', () => {
    const p = computeProgress(
      { comparator: 'at_least', targetValue: 11, targetYear: 2025, baselineYear: 2021, baselineValue: 7 },
      [2021, 2022, 2023, 2024].map((year) => ({ year, value: 7 })),
      { direction: 'up', currentYear: 2026 },
    );
    expect(p.baselineYear).toBe(2021);
    expect(p.paceRatio).toBe(0);
    expect(p.status).toBe('limited');
    expect(p.gap).toBe(4);
  });
});

describe('rules 1, 5 and 7', () => {
  it('rule 1: the comparator gives the direction; only about reads target against baseline', () => {
    expect(directionOf('at_least', 10, 12, 'down')).toBe('up');
    expect(directionOf('more_than', 10, null, 'down')).toBe('up');
    expect(directionOf('at_most', 10, 3, 'up')).toBe('down');
    expect(directionOf('less_than', 10, null, 'up')).toBe('down');
    expect(directionOf('about', 8, 6, 'down')).toBe('up');
    expect(directionOf('about', 42, 50, 'up')).toBe('down');
    expect(directionOf('about', 8, 8, 'down')).toBe('down');
    expect(directionOf('about', 8, null, 'up')).toBe('up');
  });

  it('rule 5: inside the tolerance the gap is 0 and the distance to the exact value is kept', () => {
    const p = computeProgress({ comparator: 'about', targetValue: 8, targetYear: 2025, tolerance: 0.05 },
      [{ year: 2020, value: 6 }, { year: 2024, value: 7.64 }], { direction: 'up', currentYear: 2025 });
    expect(p.status).toBe('achieved');
    expect(p.gap).toBe(0);
    expect(p.shortOfExact).toBeCloseTo(0.36, 10);
    const over = computeProgress({ comparator: 'about', targetValue: 8, targetYear: 2025, tolerance: 0.05 },
      [{ year: 2020, value: 6 }, { year: 2024, value: 8.2 }], { direction: 'up', currentYear: 2025 });
    expect(over.shortOfExact).toBeNull();
  });

  it('rule 7: no data at all names the years that would resolve it', () => {
    const p = computeProgress({ comparator: 'at_least', targetValue: 100, targetYear: 2027, baselineYear: 2023 }, [],
      { direction: 'up', currentYear: 2026, indicators: [{ code: 'gdp', nameZh: 'gdp', nameEn: 'gdp' }] });
    expect(p.statusReason).toBe('no_data');
    expect(p.missing).toEqual({ indicators: ['gdp'], indicatorNames: [{ code: 'gdp', nameZh: 'gdp', nameEn: 'gdp' }], parks: [], parksTotal: 0, regions: [], years: [2023, 2024, 2025] });
  });

  it('rule 7: one value names the next year due', () => {
    const p = computeProgress({ comparator: 'at_least', targetValue: 100, targetYear: 2027 }, [{ year: 2024, value: 50 }],
      { direction: 'up', currentYear: 2026 });
    expect(p.statusReason).toBe('one_point');
    expect(p.missing?.years).toEqual([2025]);
  });

  it('rule 7: a region set not defined yet is its own reason', () => {
    const p = noRegionSet({ comparator: 'at_least', targetValue: 45, targetYear: 2027 }, { direction: 'up', currentYear: 2026 });
    expect(p.status).toBe('insufficient_data');
    expect(p.statusReason).toBe('no_region_set');
  });

  it('every status other than insufficient data has no reason and nothing missing', () => {
    const p = computeProgress({ comparator: 'at_least', targetValue: 100, targetYear: 2027 }, [{ year: 2023, value: 50 }, { year: 2025, value: 70 }],
      { direction: 'up', currentYear: 2026 });
    expect(p.status).not.toBe('insufficient_data');
    expect(p.statusReason).toBeNull();
    expect(p.missing).toBeNull();
    expect(p.held).toBe(false);
    expect(p.provisionalLatest).toBeNull();
  });
});

describe('the straight path and the projection', () => {
  it('runs from the baseline to the target, and from the latest value at the observed pace', () => {
    const target: ProgressTarget = { comparator: 'at_least', targetValue: 1000, targetYear: 2023, baselineYear: 2021, baselineValue: 802 };
    const p = computeProgress(target, [{ year: 2022, value: 905 }], { direction: 'up', currentYear: 2023 });
    expect(straightPath(target, p)).toEqual([{ year: 2021, value: 802 }, { year: 2022, value: 901 }, { year: 2023, value: 1000 }]);
    expect(projectionPath(2023, p)).toEqual([{ year: 2022, value: 905 }, { year: 2023, value: 1008 }]);
  });

  it('draws no path for a held target and no projection from stale figures', () => {
    const held: ProgressTarget = { comparator: 'at_most', targetValue: 10, targetYear: 2025, baselineYear: 2016, baselineValue: 3 };
    expect(straightPath(held, computeProgress(held, [{ year: 2023, value: 5 }], { direction: 'down', currentYear: 2024 }))).toEqual([]);
    const rank: ProgressTarget = { comparator: 'at_most', targetValue: 10, targetYear: 2025, baselineYear: 2020, baselineValue: 15 };
    const stale = computeProgress(rank, [{ year: 2021, value: 13 }], { direction: 'down', currentYear: 2026 });
    expect(projectionPath(2025, stale)).toEqual([]);
    expect(straightPath(rank, stale)).toHaveLength(6);
  });
});
