// The benchmark's synthetic figures are figures a real park could report: the import it times goes
// through the plausibility checks like any other, so a figure they question would stop it.
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../shared/indicators.ts';
import { checkFigure } from '../shared/plausibility.ts';
import { benchIndicators, figure, profile, YEARS, type SynthPark } from './synthetic.ts';

describe('the benchmark’s synthetic figures', () => {
  it('pass the plausibility checks, the year imported against the fifteen before it, for parks of every level', () => {
    const codes = benchIndicators().catalogue.map((i) => i.code);
    const questioned: string[] = [];
    for (let id = 1; id <= 600; id++) {
      const level = id % 16 === 0 ? 'national' : id % 10 === 0 ? 'provincial' : 'other';
      const p = profile({ id, name: `示例园区${id}`, level, province: '', city: '', approvalYear: 2000 } satisfies SynthPark);
      const sameYear = Object.fromEntries(codes.map((code, ind) => [code, figure(p, code, ind, YEARS)]));
      codes.forEach((code, ind) => {
        const indicator = INDICATORS.find((i) => i.code === code)!;
        const history = Array.from({ length: YEARS }, (_, t) => ({ year: 2010 + t, value: figure(p, code, ind, t) }));
        for (const problem of checkFigure({ indicator, value: sameYear[code]!, year: 2010 + YEARS, history, sameYear })) {
          questioned.push(`park ${id} ${code}: ${problem.code} (${problem.grade})`);
        }
      });
    }
    expect(questioned).toEqual([]);
  });
});
