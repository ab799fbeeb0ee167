import { describe, expect, it } from 'vitest';
import { figureState, figureStateLook } from './figureState.ts';
import { canWritePark, defaultReportYear, hasRole, landingPath, REVIEWERS, safeNext, writableParks, WRITERS } from './access.ts';
import { fixedTranslator } from './i18n.ts';
import common from './locales/common/zh.ts';

const manager = { role: 'park_manager' as const, parkIds: [6] };
const planner = { role: 'planner' as const, parkIds: [] };
const viewer = { role: 'viewer' as const, parkIds: [] };

describe('who may do what (as the web shows it)', () => {
  it('lets park managers write only their own parks, planners and admins every park, viewers none', () => {
    expect(canWritePark(manager, 6)).toBe(true);
    expect(canWritePark(manager, 7)).toBe(false);
    expect(canWritePark(planner, 7)).toBe(true);
    expect(canWritePark(viewer, 6)).toBe(false);
    expect(canWritePark(null, 6)).toBe(false);
    expect(writableParks(manager, [{ id: 7 }, { id: 6 }])).toEqual([{ id: 6 }]);
  });

  it('shows pages by role; public pages to everyone', () => {
    expect(hasRole(manager, WRITERS)).toBe(true);
    expect(hasRole(manager, REVIEWERS)).toBe(false);
    expect(hasRole(null, REVIEWERS)).toBe(false);
    expect(hasRole(null, undefined)).toBe(true);
  });

  it('lands writers on their tasks and viewers on the dashboard', () => {
    expect(landingPath(manager)).toBe('/tasks');
    expect(landingPath(planner)).toBe('/tasks');
    expect(landingPath(viewer)).toBe('/');
    expect(defaultReportYear(2026)).toBe(2025);
  });

  it('follows `next` only inside the app', () => {
    expect(safeNext('/entry/6/2022?x=1')).toBe('/entry/6/2022?x=1');
    expect(safeNext('//evil.example/x')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('/login?next=/x')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});

describe('figure states', () => {
  it('tells a sent-back draft from a draft, and shows every state with an icon and a word', () => {
    expect(figureState(null)).toBe('missing');
    expect(figureState({ status: 'draft', returned: true })).toBe('returned');
    expect(figureState({ status: 'submitted', returned: true })).toBe('submitted');
    const t = fixedTranslator('zh', { common }, ['common']);
    const words = { missing: '缺报', draft: '草稿', returned: '已退回', submitted: '已提交', approved: '已通过' } as const;
    for (const [s, word] of Object.entries(words) as [keyof typeof words, string][]) {
      expect(figureStateLook(s).icon).not.toBe('');
      expect(t(figureStateLook(s).label)).toBe(word);
    }
  });
});
