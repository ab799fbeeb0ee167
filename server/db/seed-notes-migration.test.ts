// Migration 0014 puts the notes an older seed wrote in English into Chinese — the seed's words only.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { down, up } from '../../migrations/0014_seed_notes_in_chinese.ts';

describe('migration 0014 (the seed’s notes in Chinese)', () => {
  it('translates a seeded target’s and figure’s English notes, part by part, and leaves what users wrote', async () => {
    const sqlite = new Database(':memory:');
    sqlite.exec(`
      create table targets (id integer, note text);
      create table reported_values (id integer, note text, entered_by_name text);
      insert into targets values (1, 'the 45 counties were redrawn in 2024; planners define the set'), (2, 'planners define the set');
      insert into reported_values values
        (1, '来源: 公开报道; secondary report; check before relying on it', '公开资料'),
        (2, 'more than 20%; the minister''s "2345678" summary', '公开资料'),
        (3, 'secondary report', '张三'),
        (4, null, '公开资料');`);
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    const notes = () => [
      ...sqlite.prepare('select note from targets order by id').all(),
      ...sqlite.prepare('select note from reported_values order by id').all(),
    ].map((r) => (r as { note: string | null }).note);
    const before = notes();

    await up(db);
    expect(notes()).toEqual([
      '45个县的范围于2024年调整, 由规划人员确定范围',
      'planners define the set',
      '来源: 公开报道; 二次报道; 引用前请核实',
      '超过20%; 部长“2345678”的概括',
      'secondary report',
      null,
    ]);
    await down(db);
    expect(notes()).toEqual(before);
    await db.destroy();
  });
});
