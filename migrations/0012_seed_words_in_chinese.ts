// Databases seeded before the interface spoke only Chinese: the published figures were entered by
// "初始数据 (seed)" and the parks' notes quoted the hand-out's English. Say both in Chinese, as a new
// seed does (server/db/seed.ts). Only the seed's own words change; nothing a user typed.
import type { Kysely } from 'kysely';

const OLD_NAME = '初始数据 (seed)';
const NEW_NAME = '公开资料';

const NOTES: [string, string][] = [
  ['来源: public reports of the first national batch', '来源: 首批国家高新区的公开报道'],
  ['来源: 国函〔2007〕2号 as reported', '来源: 国函〔2007〕2号(据报道)'],
  ['来源: public reports; called the province\'s 5th national zone', '来源: 公开报道; 被称为全省第5个国家高新区'],
  ['来源: public reports; renamed 杭州钱塘高新区 in later reports', '来源: 公开报道; 后续报道中更名为杭州钱塘高新区'],
  ['来源: public reports; the only national zone in Zhejiang seated in a county', '来源: 公开报道; 浙江唯一设在县的国家高新区'],
  ['来源: public reports', '来源: 公开报道'],
  ['the bulletin says it became national in 2010', '据简报, 2010年升级为国家高新区'],
];

async function rename(db: Kysely<any>, from: string, to: string, notes: [string, string][]): Promise<void> {
  await db.updateTable('reported_values').set({ entered_by_name: to }).where('entered_by_name', '=', from).execute();
  await db.updateTable('value_revisions').set({ changed_by_name: to }).where('changed_by_name', '=', from).execute();
  for (const [before, after] of notes) await db.updateTable('parks').set({ note: after }).where('note', '=', before).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await rename(db, OLD_NAME, NEW_NAME, NOTES);
}

export async function down(db: Kysely<any>): Promise<void> {
  await rename(db, NEW_NAME, OLD_NAME, NOTES.map(([a, b]) => [b, a]));
}
