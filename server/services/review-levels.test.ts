// The lock rule, pure: an approved figure is locked; a figure of a closed round (its province, year
// and one of its indicators) is locked unless a planner reopened it after the round closed.
import { describe, expect, it } from 'vitest';
import { lockMessages, lockOf, type ClosedRound } from './review-levels.ts';

const round: ClosedRound = { year: 2022, provinceCode: '330000', indicatorCodes: ['gdp', 'hte_count'], closedAt: '2026-03-01T00:00:00.000Z' };
const figure = (status: 'draft' | 'submitted' | 'city_approved' | 'approved', over: Partial<{ indicator: string; year: number; reopenedAt: string | null }> = {}) =>
  ({ status, indicator: 'gdp', year: 2022, reopenedAt: null, ...over });

describe('locks', () => {
  it('locks an approved figure, whatever its round', () => {
    expect(lockOf(figure('approved'), '330000', [])).toEqual({ kind: 'approved' });
    expect(lockOf(figure('approved', { reopenedAt: '2026-04-01T00:00:00.000Z' }), '330000', [round])).toEqual({ kind: 'approved' });
  });

  it('leaves figures under review or in draft open while their round is open', () => {
    for (const status of ['draft', 'submitted', 'city_approved'] as const) expect(lockOf(figure(status), '330000', [])).toBeNull();
  });

  it("locks a closed round's figures of its province, year and indicators only", () => {
    expect(lockOf(figure('submitted'), '330000', [round])).toEqual({ kind: 'round_closed', round });
    expect(lockOf(figure('draft', { indicator: 'land_area' }), '330000', [round])).toBeNull();
    expect(lockOf(figure('draft', { year: 2023 }), '330000', [round])).toBeNull();
    expect(lockOf(figure('draft'), '320000', [round])).toBeNull();
    expect(lockOf(figure('draft'), null, [round])).toBeNull();
  });

  it('opens a figure reopened after its round closed, not one reopened before', () => {
    expect(lockOf(figure('draft', { reopenedAt: '2026-04-01T00:00:00.000Z' }), '330000', [round])).toBeNull();
    expect(lockOf(figure('draft', { reopenedAt: '2026-02-01T00:00:00.000Z' }), '330000', [round])).toEqual({ kind: 'round_closed', round });
  });

  it('says which lock and how to get the figure reopened, in both languages', () => {
    const what = { zh: '萧山临江高新区 2022年“地区生产总值”', en: 'GDP 2022 of 萧山临江高新区' };
    expect(lockMessages({ kind: 'approved' }, what)).toEqual({
      zh: '萧山临江高新区 2022年“地区生产总值”已审核通过, 已锁定: 如需修改, 请联系省级规划人员说明原因并重新开放该数据',
      en: 'GDP 2022 of 萧山临江高新区 is approved and locked: to change it, ask a planner to reopen it with a reason',
    });
    expect(lockMessages({ kind: 'round_closed', round }, what).zh).toBe('萧山临江高新区 2022年“地区生产总值”属于已关闭的2022年填报轮次, 已锁定: 如需修改, 请联系省级规划人员说明原因并重新开放该数据');
  });
});
