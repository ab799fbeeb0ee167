import { describe, expect, it } from 'vitest';
import { absoluteUrl, citiesOfParks, fieldErrors, parkNames, sceneLabel, suggestPassword } from './model.ts';

describe('admin', () => {
  it('keeps the first message per field of a 400', () => {
    expect(fieldErrors([{ path: 'password', message: '至少10位' }, { path: 'parkIds.0', message: 'x' }, { path: 'password', message: 'y' }]))
      .toEqual({ password: '至少10位', parkIds: 'x' });
  });

  it('offers each city with parks once, for binding a city reviewer', () => {
    expect(citiesOfParks([
      { cityCode: '330100', cityName: '杭州市' }, { cityCode: '330200', cityName: '宁波市' }, { cityCode: '330100', cityName: '杭州市' }, { cityCode: null, cityName: null },
    ])).toEqual([{ code: '330100', name: '杭州市' }, { code: '330200', name: '宁波市' }]);
  });

  it('names a user’s parks, and unknown ids by number', () => {
    expect(parkNames([6, 99], [{ id: 6, name: '萧山临江高新区' }])).toEqual(['萧山临江高新区', '#99']);
  });

  it('makes the screen link absolute on this site', () => {
    expect(absoluteUrl('/screen/abc', 'https://mubiao.example')).toBe('https://mubiao.example/screen/abc');
    expect(sceneLabel('coverage')).toBe('scene.coverage');
  });

  it('suggests 14-character passwords without look-alike characters', () => {
    const pw = suggestPassword();
    expect(pw).toHaveLength(14);
    expect(pw).not.toMatch(/[01lIO]/);
    expect(suggestPassword(() => 0)).toBe('aaaaaaaaaaaaaa');
  });
});
