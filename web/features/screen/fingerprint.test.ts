import { describe, expect, it } from 'vitest';
import { fingerprint, optionShape, stableJson } from './fingerprint.ts';

describe('change detection', () => {
  it('gives equal data the same fingerprint whatever the key order', () => {
    expect(fingerprint({ a: 1, b: [1, 2, { c: 'x', d: null }] })).toBe(fingerprint({ b: [1, 2, { d: null, c: 'x' }], a: 1 }));
    expect(stableJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('changes with any value, with the order of a list, and with the type of a value', () => {
    const base = fingerprint({ rows: [{ id: 1, value: 6.79 }, { id: 2, value: 5.1 }] });
    expect(fingerprint({ rows: [{ id: 1, value: 6.8 }, { id: 2, value: 5.1 }] })).not.toBe(base);
    expect(fingerprint({ rows: [{ id: 2, value: 5.1 }, { id: 1, value: 6.79 }] })).not.toBe(base);
    expect(fingerprint({ v: 1 })).not.toBe(fingerprint({ v: '1' }));
    expect(fingerprint({ v: null })).not.toBe(fingerprint({}));
  });

  it('ignores functions (formatters) and keeps non-finite numbers apart from null', () => {
    expect(fingerprint({ a: 1, f: () => 1 })).toBe(fingerprint({ a: 1, f: () => 2 }));
    expect(fingerprint({ a: Number.NaN })).not.toBe(fingerprint({ a: null }));
  });
});

describe('the shape of an option', () => {
  it('is the same when only the data change', () => {
    const a = { grid: {}, xAxis: {}, yAxis: {}, series: [{ id: 'actual', type: 'line', data: [1, 2] }, { id: 'target', type: 'line', data: [8, 8] }] };
    const b = { grid: {}, xAxis: {}, yAxis: {}, series: [{ id: 'actual', type: 'line', data: [1, 2, 3] }, { id: 'target', type: 'line', data: [9, 9, 9] }] };
    expect(optionShape(a)).toBe(optionShape(b));
  });

  it('changes when a series comes or goes, a mark line appears, or the grids change', () => {
    const a = { grid: [{}], series: [{ id: 'rank-0', type: 'bar' }] };
    expect(optionShape({ ...a, series: [{ id: 'rank-0', type: 'bar' }, { id: 'rank-1', type: 'bar' }] })).not.toBe(optionShape(a));
    expect(optionShape({ ...a, series: [{ id: 'rank-0', type: 'bar', markLine: {} }] })).not.toBe(optionShape(a));
    expect(optionShape({ ...a, grid: [{}, {}] })).not.toBe(optionShape(a));
  });
});
