// Plans, targets and extraction over real HTTP on SQLite and PostgreSQL: a planner pastes a policy
// text, gets candidates, creates a plan and accepts several candidates in one call (all or nothing),
// edits a target with its version, reads its history, links a 2027 target to the 2025 one it replaces,
// and sees the progress endpoint compute the new targets. Viewers and park managers may not write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { ExtractResultT, PlanDetailT, ProgressEntryT, TargetDraftT, TargetT } from '../shared/schemas.ts';
import { createUserAndSignIn, signIn, TEST_ADMIN_PASSWORD, type Client } from './testing/client.ts';
import { TEST_DATABASES, type TestDatabase } from './testing/databases.ts';
import { startServer, type RunningServer } from './testing/server-process.ts';

const ZHEJIANG = '330000';

/** A plan text in the style of a provincial opinion, with targets of every kind of scope. */
const PLAN_TEXT = [
  '（二）主要目标。到2026年，全省高新区研发经费支出占地区生产总值比重达到8.5%左右，亩均税收达到45万元/亩左右；',
  '杭州、宁波国家高新区进入全国前8，实现设区市国家高新区全覆盖；绿色发展水平走在全省前列。',
  '力争两年内，萧山临江高新区国家高新技术企业数突破1200家。',
].join('\n');

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`plans, targets and extraction on ${kind.kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let admin: Client;
    let planner: Client;
    let viewer: Client;
    let manager: Client;
    let parkId: Record<string, number>;
    let plan: PlanDetailT;
    let extracted: ExtractResultT;
    let accepted: TargetT[];

    const anonymous = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(server.url + path, { method, headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
      return { status: res.status, body: await res.json() as any };
    };
    const dump = async () => {
      const h = database.open();
      try {
        return {
          plans: await h.db.selectFrom('plans').selectAll().orderBy('id').execute(),
          targets: await h.db.selectFrom('targets').selectAll().orderBy('id').execute(),
          regions: await h.db.selectFrom('target_regions').selectAll().orderBy('target_id').orderBy('region_code').execute(),
          revisions: await h.db.selectFrom('target_revisions').selectAll().orderBy('id').execute(),
        };
      } finally {
        await h.close();
      }
    };
    const draftsOf = (result: ExtractResultT) => result.candidates.flatMap((c) => c.drafts);
    /** A draft as the page would send it: what the planner completed, without the bookkeeping. */
    const send = ({ missing: _, ...d }: TargetDraftT, extra: Record<string, unknown> = {}) => ({ ...d, ...extra });

    beforeAll(async () => {
      database = await kind.create();
      server = await startServer({ env: { ...database.env, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
      admin = await signIn(server.url, 'admin', TEST_ADMIN_PASSWORD);
      parkId = Object.fromEntries((await admin.get<{ id: number; name: string }[]>('/api/parks')).map((p) => [p.name, p.id]));
      planner = await createUserAndSignIn(server.url, admin, { username: 'planner1', role: 'planner' });
      viewer = await createUserAndSignIn(server.url, admin, { username: 'viewer1', role: 'viewer' });
      manager = await createUserAndSignIn(server.url, admin, { username: 'qiantang', role: 'park_manager', parkIds: [parkId['萧山临江高新区']!] });
    });
    afterAll(async () => {
      await server?.dispose();
      await database?.drop();
    });

    it('extracts candidates from a pasted text, with drafts resolved against the register', async () => {
      const res = await planner.request('POST', '/api/extract-targets', { text: PLAN_TEXT, documentYear: 2024, regionCode: ZHEJIANG });
      expect(res.status).toBe(200);
      extracted = res.body;
      expect(extracted.candidates.map((c) => [c.indicator.code, c.comparator, c.value, c.unit, c.targetYear])).toEqual([
        ['rd_intensity', 'about', 8.5, '%', 2026],
        ['tax_per_mu', 'about', 45, '万元/亩', 2026],
        ['national_rank', 'at_most', 8, '名', 2026],
        ['city_coverage_national', 'at_least', null, '个', 2026],
        ['hte_count', 'at_least', 1200, '家', 2025],
      ]);
      for (const c of extracted.candidates) expect(PLAN_TEXT.slice(c.span.start, c.span.end)).toBe(c.quote);
      expect(extracted.qualitative.map((q) => q.text)).toEqual(['绿色发展水平走在全省前列']);
      // one draft per park the text names; the 11 cities of the province for 设区市全覆盖
      const rank = extracted.candidates[2]!.drafts;
      expect(rank.map((d) => [d.scope, d.parkId, d.missing])).toEqual([['park', parkId['杭州高新区(滨江)'], []], ['park', parkId['宁波高新区'], []]]);
      const coverage = extracted.candidates[3]!.drafts[0]!;
      expect([coverage.scope, coverage.parkLevel, coverage.regionCodes?.length, coverage.regionSetLabel, coverage.missing]).toEqual(['coverage', 'national', 11, '设区市', []]);
      expect(extracted.candidates[0]!.drafts[0]).toMatchObject({ scope: 'province_aggregate', regionCode: ZHEJIANG, parkLevel: 'provincial', tolerance: 0.05, quoteLocation: '第1段', extraction: { candidateId: 'c1' } });
      expect(extracted.candidates[4]!.drafts[0]).toMatchObject({ scope: 'park', parkId: parkId['萧山临江高新区'], missing: [] });
    });

    it('lets only planners and admins extract and write', async () => {
      const writes: [string, string, unknown][] = [
        ['POST', '/api/extract-targets', { text: PLAN_TEXT }],
        ['POST', '/api/plans', { title: '测试规划' }],
        ['PATCH', '/api/plans/1', { version: 1, title: '改' }],
        ['POST', '/api/targets', { planId: 1, targets: [send(draftsOf(extracted)[0]!)] }],
        ['PATCH', '/api/targets/1', { version: 1, note: '改' }],
      ];
      const before = await dump();
      for (const [method, path, body] of writes) {
        expect((await viewer.request(method, path, body)).status, `viewer ${method} ${path}`).toBe(403);
        expect((await manager.request(method, path, body)).status, `park manager ${method} ${path}`).toBe(403);
        expect((await anonymous(method, path, body)).status, `anonymous ${method} ${path}`).toBe(401);
      }
      expect(await dump()).toEqual(before);
    });

    it('creates a plan that keeps its document text', async () => {
      const res = await planner.request('POST', '/api/plans', {
        title: '关于推进高新区高质量发展的实施意见(测试)', issuer: '浙江省人民政府', documentNumber: '浙政发〔2024〕9号', issuedOn: '2024-03-01',
        regionCode: ZHEJIANG, url: 'https://example.org/plan', documentText: PLAN_TEXT,
      });
      expect(res.status).toBe(201);
      plan = res.body;
      expect(plan).toMatchObject({ code: `PLAN-${plan.id}`, version: 1, documentLength: PLAN_TEXT.length, documentText: PLAN_TEXT, targetCount: 0, targets: [] });
      expect((await viewer.get<PlanDetailT[]>('/api/plans')).find((p) => p.id === plan.id)).toMatchObject({ documentNumber: '浙政发〔2024〕9号', version: 1 });
      const bad = await planner.request('POST', '/api/plans', { title: '错', regionCode: '999999', url: 'not a url' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: any) => d.path)).toEqual(['title', 'url']);
      // a link that would run as script when clicked is refused
      const script = await planner.request('POST', '/api/plans', { title: '脚本链接', url: 'javascript:alert(1)' });
      expect(script.status).toBe(400);
      expect(script.body.error.details.map((d: any) => d.path)).toEqual(['url']);
      const unknownRegion = await planner.request('POST', '/api/plans', { title: '错误地区', regionCode: '999999' });
      expect(unknownRegion.status).toBe(422);
      expect(unknownRegion.body.error.problems).toEqual([expect.objectContaining({ field: 'regionCode', code: 'unknown_region' })]);
      expect((await planner.request('POST', '/api/plans', { title: '重复编号', code: 'ZJ-2021-OPINIONS' })).status).toBe(409);
    });

    it('accepts several candidates in one call: all or nothing', async () => {
      const drafts = draftsOf(extracted);
      const before = await dump();
      // one bad item (a share over 100%) refuses the whole batch, naming the item and the field
      const refused = await planner.request('POST', '/api/targets', { planId: plan.id, targets: drafts.map((d, i) => send(d, i === 1 ? { targetValue: 450, unit: '%' } : {})) });
      expect(refused.status).toBe(422);
      expect(refused.body.error.problems).toEqual([expect.objectContaining({ index: 1, field: 'unit', code: 'wrong_unit' })]);
      expect(refused.body.error.details[0].path).toBe('targets.1.unit');
      expect(refused.body.error.problems[0].message).toMatch(/单位.*\(wrong unit\)/);
      expect(await dump()).toEqual(before);

      const res = await planner.request('POST', '/api/targets', { planId: plan.id, targets: drafts.map((d) => send(d)), reason: '据实施意见录入' });
      expect(res.status).toBe(201);
      accepted = res.body.targets;
      expect(accepted.map((t) => [t.code, t.indicator.code, t.scope.kind, t.scope.parkName, t.comparator, t.targetValue, t.targetYear])).toEqual([
        [`PLAN-${plan.id}-1`, 'rd_intensity', 'province_aggregate', null, 'about', 8.5, 2026],
        [`PLAN-${plan.id}-2`, 'tax_per_mu', 'province_aggregate', null, 'about', 45, 2026],
        [`PLAN-${plan.id}-3`, 'national_rank', 'park', '杭州高新区(滨江)', 'at_most', 8, 2026],
        [`PLAN-${plan.id}-4`, 'national_rank', 'park', '宁波高新区', 'at_most', 8, 2026],
        [`PLAN-${plan.id}-5`, 'city_coverage_national', 'coverage', null, 'at_least', null, 2026],
        [`PLAN-${plan.id}-6`, 'hte_count', 'park', '萧山临江高新区', 'at_least', 1200, 2025],
      ]);
      for (const t of accepted) {
        expect(PLAN_TEXT.slice(t.quoteStart!, t.quoteEnd!)).toBe(t.quote);
        expect(t.version).toBe(1);
      }
      expect(accepted[0]!.tolerance).toBe(0.05);
      expect(accepted[4]!.scope.regions).toHaveLength(11);
      const after = await dump();
      expect(after.targets.length - before.targets.length).toBe(6);
      expect(after.revisions.length - before.revisions.length).toBe(6);
    });

    it('checks every field and says which and why, in Chinese and English', async () => {
      const base = { indicator: 'hte_count', scope: 'park', parkId: parkId['萧山临江高新区'], comparator: 'at_least', targetValue: 1000, targetYear: 2026 };
      const before = await dump();
      const res = await planner.request('POST', '/api/targets', {
        planId: plan.id,
        targets: [
          { ...base, parkId: 999999 },
          { ...base, indicator: 'no_such_indicator' },
          { ...base, indicator: 'city_coverage_national' },
          { indicator: 'city_coverage_national', scope: 'coverage', parkLevel: 'national', regionCodes: ['330100', '999999'], comparator: 'at_least', targetYear: 2027 },
          { ...base, targetValue: 1000.5 },
          { ...base, tolerance: 0.1 },
          { ...base, baselineYear: 2027, baselineValue: 802 },
          { ...base, quoteStart: 0, quoteEnd: 8, quote: '不是原文的字' },
          { ...base, code: `PLAN-${plan.id}-1` },
          { ...base, targetValue: undefined },
          { indicator: 'rd_intensity', scope: 'province_aggregate', regionCode: '330100', comparator: 'about', targetValue: 9, targetYear: 2027 },
        ],
      });
      expect(res.status).toBe(422);
      expect(res.body.error.problems.map((p: any) => [p.index, p.field, p.code])).toEqual([
        [0, 'parkId', 'unknown_park'],
        [1, 'indicator', 'unknown_indicator'],
        [2, 'scope', 'scope_mismatch'],
        [3, 'regionCodes', 'unknown_region'],
        [4, 'targetValue', 'not_integer'],
        [5, 'tolerance', 'tolerance_not_about'],
        [6, 'baselineYear', 'baseline_not_before_target'],
        [7, 'quote', 'quote_mismatch'],
        [8, 'code', 'code_taken'],
        [9, 'targetValue', 'value_required'],
        [10, 'regionCode', 'not_a_province'],
      ]);
      for (const p of res.body.error.problems) expect(p.message).toMatch(/[\u4e00-\u9fa5].*\([a-z].*\)/);
      expect(await dump()).toEqual(before);
    });

    it('edits a target from the version seen; a stale version gets 409 and changes nothing', async () => {
      const rd = accepted[0]!;
      const edited = await planner.request('PATCH', `/api/targets/${rd.id}`, { version: 1, targetValue: 9, tolerance: 0.03, reason: '省政府常务会议调整' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ version: 2, targetValue: 9, tolerance: 0.03, quote: rd.quote });
      const before = await dump();
      const stale = await admin.request('PATCH', `/api/targets/${rd.id}`, { version: 1, targetValue: 10 });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: 'conflict', current: { version: 2, changedBy: 'planner1' } });
      expect(stale.body.error.message).toContain('planner1');
      expect(await dump()).toEqual(before);
      // a second edit, by the admin, on the current version: switching to at_least drops the tolerance
      const second = await admin.request('PATCH', `/api/targets/${rd.id}`, { version: 2, comparator: 'at_least', baselineYear: 2023, baselineValue: 6.2 });
      expect(second.body).toMatchObject({ version: 3, comparator: 'at_least', tolerance: null, baselineYear: 2023, baselineValue: 6.2 });
      // nothing new: no new version
      expect((await admin.request('PATCH', `/api/targets/${rd.id}`, { version: 3, comparator: 'at_least' })).body.version).toBe(3);
      expect((await admin.request('PATCH', '/api/targets/999999', { version: 1, note: 'x' })).status).toBe(404);
    });

    it('lists every change in the history: the whole before and after, who, when, why', async () => {
      const rd = accepted[0]!;
      const history = await viewer.get(`/api/targets/${rd.id}/history`);
      expect(history.map((h: any) => [h.version, h.action, h.changedBy, h.reason])).toEqual([
        [1, 'create', 'planner1', '据实施意见录入; 采纳自动提取的候选 c1 (置信度 1) (accepted from extraction)'],
        [2, 'update', 'planner1', '省政府常务会议调整'],
        [3, 'update', 'admin', null],
      ]);
      expect(history[0].before).toBeNull();
      expect(history[0].after).toMatchObject({ code: rd.code, indicator: 'rd_intensity', targetValue: 8.5, comparator: 'about', quoteStart: rd.quoteStart, regionCode: ZHEJIANG });
      expect(history[1].changes).toEqual([{ field: 'targetValue', before: 8.5, after: 9 }, { field: 'tolerance', before: 0.05, after: 0.03 }]);
      expect(history[2].changes.map((c: any) => c.field)).toEqual(['comparator', 'tolerance', 'baselineYear', 'baselineValue']);
      expect(history[2].before).toEqual(history[1].after);
      expect(Date.parse(history[1].changedAt)).not.toBeNaN();
      expect((await viewer.request('GET', '/api/targets/999999/history')).status).toBe(404);
    });

    it('links a 2027 target to the 2025 one it replaces, and shows both horizons on both', async () => {
      const hte = accepted[5]!; // 2025, 1200
      const res = await planner.request('POST', '/api/targets', {
        planId: plan.id,
        targets: [{ indicator: 'hte_count', scope: 'park', parkId: parkId['萧山临江高新区'], comparator: 'at_least', targetValue: 1500, targetYear: 2027, supersedesId: hte.id, baselineYear: 2021, baselineValue: 802 }],
      });
      expect(res.status).toBe(201);
      const later = res.body.targets[0] as TargetT;
      expect(later.supersedes).toMatchObject({ id: hte.id, code: hte.code, targetYear: 2025, targetValue: 1200 });
      expect(later.supersededBy).toBeNull();
      const earlier = await viewer.get<TargetT>(`/api/targets/${hte.id}`);
      expect(earlier).toMatchObject({ supersededById: later.id, supersededBy: { id: later.id, targetYear: 2027, targetValue: 1500, plan: { id: plan.id } }, supersedes: null });
      const listed = await viewer.get<TargetT[]>(`/api/targets?plan=${plan.id}`);
      expect(listed.find((t) => t.id === hte.id)!.supersededBy?.id).toBe(later.id);
      const progress = await viewer.get<ProgressEntryT[]>(`/api/progress?plan=${plan.id}`);
      expect([progress.find((p) => p.id === hte.id)!.supersededById, progress.find((p) => p.id === later.id)!.supersedesId]).toEqual([later.id, hte.id]);

      // one successor per target; the same indicator; an earlier horizon
      const again = await planner.request('POST', '/api/targets', {
        planId: plan.id,
        targets: [
          { indicator: 'hte_count', scope: 'park', parkId: parkId['萧山临江高新区'], comparator: 'at_least', targetValue: 1600, targetYear: 2028, supersedesId: hte.id },
          { indicator: 'gdp', scope: 'park', parkId: parkId['萧山临江高新区'], comparator: 'at_least', targetValue: 900, targetYear: 2028, supersedesId: later.id },
          { indicator: 'rd_intensity', scope: 'province_aggregate', comparator: 'about', targetValue: 8, targetYear: 2025, supersedesId: accepted[0]!.id },
        ],
      });
      expect(again.body.error.problems.map((p: any) => [p.index, p.code])).toEqual([[0, 'already_superseded'], [1, 'supersedes_other_indicator'], [2, 'supersedes_not_earlier']]);
      // the seeded 2027 coverage target replaces the 2025 one
      const seeded = await viewer.get<TargetT[]>('/api/targets?plan=ZJ-2021-OPINIONS');
      expect(seeded.find((t) => t.code === 'T5')!.supersededBy?.code).toBe('T8');
    });

    it('computes the progress of the new targets', async () => {
      const progress = await viewer.get<ProgressEntryT[]>(`/api/progress?plan=${plan.id}`);
      const byCode = (code: string) => progress.find((p) => p.code === code)!;
      const coverage = byCode(`PLAN-${plan.id}-5`);
      expect(coverage.coverage).toMatchObject({ regionsTotal: 11, coveredCount: 7 });
      expect(coverage.coverage!.uncovered.map((r) => r.name)).toEqual(['金华市', '舟山市', '台州市', '丽水市']);
      expect(coverage.targetValue).toBe(11);
      expect(byCode(`PLAN-${plan.id}-1`).aggregate).toMatchObject({ parksExpected: 8 });
      const rank = byCode(`PLAN-${plan.id}-3`);
      expect([rank.latestValue, rank.attained, rank.status]).toEqual([5, true, 'achieved']); // 杭州 5th in 2023
      const hte = byCode(`PLAN-${plan.id}-6`);
      expect([hte.latestYear, hte.latestValue]).toEqual([2021, 802]);
    });

    it('edits a plan with its version; new text may not move a quote', async () => {
      const before = await dump();
      expect((await planner.request('PATCH', `/api/plans/${plan.id}`, { version: 2, title: '新标题' })).status).toBe(409);
      const moved = await planner.request('PATCH', `/api/plans/${plan.id}`, { version: 1, documentText: `前言。\n${PLAN_TEXT}` });
      expect(moved.status).toBe(422);
      expect(moved.body.error.problems[0]).toMatchObject({ field: 'documentText', code: 'breaks_quote_span' });
      expect(await dump()).toEqual(before);
      const appended = await planner.request('PATCH', `/api/plans/${plan.id}`, { version: 1, documentText: `${PLAN_TEXT}\n到2035年，基本建成创新高地。`, note: '补全原文' });
      expect(appended.status).toBe(200);
      expect(appended.body).toMatchObject({ version: 2, note: '补全原文', title: plan.title });
      expect(appended.body.targets).toHaveLength(7);
    });

    it('creates a plan together with its targets in one step', async () => {
      const text = '到2027年，温州高新区亩均税收达到40万元/亩以上。';
      const result = (await planner.request('POST', '/api/extract-targets', { text, documentYear: 2024, regionCode: ZHEJIANG })).body as ExtractResultT;
      const drafts = draftsOf(result);
      expect(drafts.map((d) => [d.indicator, d.parkId, d.missing])).toEqual([['tax_per_mu', parkId['温州高新区'], []]]);
      const res = await planner.request('POST', '/api/plans', { title: '温州高新区行动方案', code: 'WZ-2024', regionCode: ZHEJIANG, documentText: text, targets: drafts.map((d) => send(d)) });
      expect(res.status).toBe(201);
      expect(res.body.targets.map((t: TargetT) => [t.code, t.quote, t.targetValue])).toEqual([['WZ-2024-1', '到2027年，温州高新区亩均税收达到40万元/亩以上', 40]]);
      const before = await dump();
      const refused = await planner.request('POST', '/api/plans', { title: '坏的', documentText: text, targets: drafts.map((d) => send(d, { parkId: 999999 })) });
      expect(refused.status).toBe(422);
      expect(await dump()).toEqual(before); // not even the plan
    });

    it('records every write in the audit log', async () => {
      const targetEntries = await planner.get(`/api/audit?entity=target&limit=100`);
      expect(targetEntries.map((e: any) => `${e.username} ${e.action}`)).toEqual(expect.arrayContaining(['planner1 create_targets', 'planner1 update', 'admin update']));
      const planEntries = await planner.get(`/api/audit?entity=plan&limit=100`);
      expect(planEntries.map((e: any) => `${e.username} ${e.action}`)).toEqual(expect.arrayContaining(['planner1 create', 'planner1 update']));
      const update = targetEntries.find((e: any) => e.action === 'update' && e.username === 'planner1');
      expect(update.detail).toMatchObject({ version: 2, reason: '省政府常务会议调整', changed: ['targetValue', 'tolerance'] });
    });

    it('accepts a target said two ways as one, keeping its stretch value', async () => {
      const text = '到2027年，全省高新区高新技术企业数量达到3万家以上、力争达到3.5万家，研发投入强度提高1个百分点，达到4%。';
      const result = (await planner.request('POST', '/api/extract-targets', { text, documentYear: 2024, regionCode: ZHEJIANG })).body as ExtractResultT;
      expect(result.candidates.map((c) => [c.id, c.value, c.alternativeOf, c.alternative, c.stretchValue, c.drafts.length])).toEqual([
        ['c1', 30000, null, null, 35000, 1],
        ['c2', 35000, 'c1', 'stretch', null, 0],
        ['c3', 1, 'c4', 'restatement', null, 0],
        ['c4', 4, null, null, null, 1],
      ]);
      const drafts = draftsOf(result);
      expect(drafts.map((d) => [d.indicator, d.targetValue, d.stretchValue, d.quote])).toEqual([
        ['hte_count', 30000, 35000, '到2027年，全省高新区高新技术企业数量达到3万家以上、力争达到3.5万家'],
        ['rd_intensity', 4, null, '研发投入强度提高1个百分点，达到4%'],
      ]);
      expect(drafts[1]!.note).toContain('亦表述为“研发投入强度提高1个百分点”');
      const res = await planner.request('POST', '/api/plans', { title: '三年行动(测试)', regionCode: ZHEJIANG, documentText: text, targets: drafts.map((d) => send(d)) });
      expect(res.status).toBe(201);
      const [hte, rd] = res.body.targets as TargetT[];
      expect([hte!.targetValue, hte!.stretchValue, rd!.stretchValue]).toEqual([30000, 35000, null]);
      expect((await viewer.get<TargetT>(`/api/targets/${hte!.id}`)).stretchValue).toBe(35000);

      // beyond the target, or refused; changed with its version and kept in the history
      const before = await dump();
      const short = await planner.request('PATCH', `/api/targets/${hte!.id}`, { version: 1, stretchValue: 28000 });
      expect(short.status).toBe(422);
      expect(short.body.error.problems).toEqual([expect.objectContaining({ field: 'stretchValue', code: 'stretch_not_beyond' })]);
      expect(short.body.error.problems[0].message).toBe('力争值 28000 应高于目标值 30000 (a stretch value goes beyond the target)');
      expect(await dump()).toEqual(before);
      const raised = await planner.request('PATCH', `/api/targets/${hte!.id}`, { version: 1, stretchValue: 40000, reason: '力争值上调' });
      expect(raised.body).toMatchObject({ version: 2, targetValue: 30000, stretchValue: 40000 });
      const history = await viewer.get(`/api/targets/${hte!.id}/history`);
      expect(history[1].changes).toEqual([{ field: 'stretchValue', before: 35000, after: 40000 }]);
      // a ceiling strives lower
      const ceiling = await planner.request('POST', '/api/targets', { planId: res.body.id, targets: [{ indicator: 'low_efficiency_firms', scope: 'province_aggregate', comparator: 'at_most', targetValue: 20, stretchValue: 25, targetYear: 2027 }] });
      expect(ceiling.body.error.problems[0].message).toBe('力争值 25 应低于目标值 20 (a stretch value goes beyond the target)');
    });

    it('serves a valid OpenAPI document with the new endpoints', async () => {
      const doc = await viewer.get('/api/openapi.json');
      const result = await new Validator().validate(doc);
      expect(result.errors ?? []).toEqual([]);
      for (const path of ['/api/extract-targets', '/api/plans/{id}', '/api/targets/{id}', '/api/targets/{id}/history']) expect(Object.keys(doc.paths)).toContain(path);
      expect(Object.keys(doc.paths['/api/plans'])).toEqual(expect.arrayContaining(['get', 'post']));
    });
  });
}
