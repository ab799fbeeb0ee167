// Databases seeded before the notes of the seed's targets and figures were put into Chinese (the
// hand-outs' notes are English; server/db/seed.ts now writes them in Chinese): say them in Chinese here
// too. Only the seed's own words change: a target's note where it is exactly the hand-out's, a figure's
// note where the seed (公开资料) entered it. Frozen copies of the seed's table, longest first.
import type { Kysely } from 'kysely';

const TARGET_NOTES: [string, string][] = [
  ['the policy gives no baseline: 7 of 11 cities had a national zone when the opinions were issued (2021) and still in 2024 (zones.csv, the register), so the baseline is the register in 2021', '政策未给出基期值: 意见发布时(2021年)11个设区市中有7个已有国家高新区, 2024年仍为7个(见园区名录), 故以2021年名录为基期'],
  ['the policy does not list the strong-industry counties; planners define the set', '政策未列出工业强县名单, 由规划人员确定范围'],
  ['Hangzhou ranked 5th (2023) and Ningbo 15th (2020), 13th (2021): see reported-values.csv; one target per listed zone', '杭州2023年排名第5, 宁波2020年第15、2021年第13(见上报数据); 所列每个园区各一个目标'],
  ['the 45 counties were redrawn in 2024; planners define the set', '45个县的范围于2024年调整, 由规划人员确定范围'],
  ['two years from the 2022-04 article: by the end of 2023', '自2022年4月报道起两年, 即2023年底前'],
  ['three years from the 2022-04 article: by the end of 2024', '自2022年4月报道起三年, 即2024年底前'],
  ['three years from the 2022-10 bulletin: by the end of 2024', '自2022年10月简报起三年, 即2024年底前'],
  ['five years from the 2022-10 bulletin: by the end of 2026', '自2022年10月简报起五年, 即2026年底前'],
];

const FIGURE_NOTES: [string, string][] = [
  ["more than 3/4 of the zone's GDP", '占园区GDP的四分之三以上'],
  ['592 in 2021 less 462 added', '2021年的592家减去新增的462家'],
  ['cumulative as reported 2024-11', '累计数, 据2024年11月报道'],
  ['of 160 development zones; 2nd among Shandong high-tech zones', '在160个开发区中; 山东高新区中第2'],
  ['4.35 times the 2012 value', '为2012年的4.35倍'],
  ['4.75万家 at the end of 2024; secondary report', '2024年底4.75万家; 二次报道'],
  ['109/2271 = 4.80 by the two figures above; the article states 4.6 (different GDP basis): keep both visible', '按上面两个数计算 109/2271 = 4.80; 原文为4.6(GDP口径不同): 两者都保留'],
  ['secondary report; check before relying on it', '二次报道; 引用前请核实'],
  ["on under 0.1% of the province's area", '占全省面积不到0.1%'],
  ['up 52% on the year', '同比增长52%'],
  ['secondary report', '二次报道'],
  ['as of the 2024-11 conference', '截至2024年11月推进会'],
  ['secondary report; 7.14 points above the province', '二次报道; 高于全省7.14个百分点'],
  ['more than 20%; the minister\'s "2345678" summary', '超过20%; 部长“2345678”的概括'],
];

const SEED_NAME = '公开资料';
const longestFirst = (pairs: [string, string][]) => [...pairs].sort((a, b) => b[0].length - a[0].length);

async function translate(db: Kysely<any>, targets: [string, string][], figures: [string, string][]): Promise<void> {
  for (const [before, after] of targets) await db.updateTable('targets').set({ note: after }).where('note', '=', before).execute();
  // A figure's note joins the park's, the item's and the figure's own with '; ': replace the part.
  for (const [before, after] of longestFirst(figures)) {
    await db.updateTable('reported_values')
      .set((eb) => ({ note: eb.fn('replace', [eb.ref('note'), eb.val(before), eb.val(after)]) }))
      .where('entered_by_name', '=', SEED_NAME).where('note', 'is not', null)
      .execute();
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await translate(db, TARGET_NOTES, FIGURE_NOTES);
}

export async function down(db: Kysely<any>): Promise<void> {
  await translate(db, TARGET_NOTES.map(([a, b]) => [b, a]), FIGURE_NOTES.map(([a, b]) => [b, a]));
}
