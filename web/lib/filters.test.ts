import { describe, expect, it } from 'vitest';
import { apiQuery, readFilters, sharedSearch, withChange } from './filters.ts';

const meta = { provinces: [{ code: '330000', name: '浙江省', parkCount: 1, targetCount: 1, hasMap: true }] };

describe('filters in the URL', () => {
  it('reads the filters, with the first province as default and bad values ignored', () => {
    expect(readFilters(new URLSearchParams('plan=ZJ&horizon=2027&year=20x&level=huge&city=330100'), meta)).toEqual({
      province: '330000', plan: 'ZJ', horizon: 2027, year: undefined, city: '330100', level: undefined, basis: 'approved',
    });
    expect(readFilters(new URLSearchParams('basis=submitted'), meta).basis).toBe('submitted');
    expect(readFilters(new URLSearchParams('basis=anything'), meta).basis).toBe('approved');
    expect(readFilters(new URLSearchParams('province=320000&level=national'), meta)).toMatchObject({ province: '320000', level: 'national' });
  });

  it('writes the API’s query: the horizon is its targetYear', () => {
    expect(apiQuery({ province: '330000', horizon: 2027, level: 'national' }, { indicator: 'gdp', year: undefined }))
      .toBe('?province=330000&targetYear=2027&level=national&indicator=gdp');
    expect(apiQuery({})).toBe('');
    // approved figures are the API's default: only the other basis is spelled out
    expect(apiQuery({ province: '330000', basis: 'approved' })).toBe('?province=330000');
    expect(apiQuery({ province: '330000', basis: 'submitted' })).toBe('?province=330000&basis=submitted');
  });

  it('forgets the plan, city and parks of another province, and the horizon of another plan', () => {
    const next = withChange(new URLSearchParams('province=330000&plan=ZJ&horizon=2027&city=330100&parks=1,2&tab=ranking'), { province: '320000' });
    expect(next.toString()).toBe('province=320000&tab=ranking');
    expect(withChange(new URLSearchParams('plan=A&horizon=2025'), { plan: 'B' }).toString()).toBe('plan=B');
    expect(withChange(new URLSearchParams('plan=A&horizon=2025'), { horizon: '' }).toString()).toBe('plan=A');
  });

  it('carries only the shared filters to other views', () => {
    expect(sharedSearch(new URLSearchParams('province=330000&tab=ranking&year=2024&sort=name&basis=submitted'))).toBe('?province=330000&year=2024&basis=submitted');
  });
});
