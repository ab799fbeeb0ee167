// Migrations and the seed, on a SQLite file and on PostgreSQL.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { TEST_DATABASES, type TestDatabase } from '../testing/databases.ts';
import type { DatabaseHandle } from './connection.ts';
import { readdirSync } from 'node:fs';
import { MIGRATIONS_DIR, migrateDown, migrateToLatest } from './migrate.ts';
import { readSeedCsv, SEED_DIR, seedIfEmpty } from './seed.ts';
import { bumpDataVersion, provincesOf, readDataVersion, readVersions } from '../services/data-version.ts';

// Tables the product cannot work without; later migrations may add more.
const TABLES = ['regions', 'sources', 'plans', 'parks', 'indicators', 'targets', 'target_regions', 'users', 'user_parks', 'sessions', 'reported_values', 'value_revisions', 'audit_log', 'login_attempts', 'reporting_rounds', 'screens', 'target_revisions', 'data_version', 'province_data_versions', 'import_column_mappings'];
const MIGRATIONS = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{4}_.*\.ts$/.test(f)).sort().map((f) => f.replace(/\.ts$/, ''));

for (const kind of TEST_DATABASES) {
  describe.skipIf(kind.skipReason !== null)(`database on ${kind.kind}`, () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    const tables = async () => (await handle.db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
    const count = async (table: 'reported_values' | 'value_revisions' | 'parks' | 'targets' | 'regions') =>
      Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    beforeAll(async () => {
      database = await kind.create();
      handle = database.open();
    });
    afterAll(async () => {
      await handle?.close();
      await database?.drop();
    });

    it('migrates up to every table, down to none, and up again', async () => {
      expect(await migrateToLatest(handle.db)).toEqual(MIGRATIONS);
      expect(MIGRATIONS.slice(0, 2)).toEqual(['0001_initial', '0002_entry_and_review']);
      expect(await tables()).toEqual(expect.arrayContaining(TABLES));
      expect(await migrateToLatest(handle.db)).toEqual([]); // nothing left to run
      for (const _ of MIGRATIONS) await migrateDown(handle.db);
      expect(await tables()).toEqual([]);
      await migrateToLatest(handle.db);
      expect(await tables()).toEqual(expect.arrayContaining(TABLES));
    });

    it('seeds an empty database once, with every published figure and its first revision', async () => {
      expect(await seedIfEmpty(handle.db, new Date('2026-01-01T00:00:00Z'))).toBe(true);
      const csvRows = readSeedCsv('reported-values.csv');
      // 三次产业结构 rows become three values each
      const expected = csvRows.length + 2 * csvRows.filter((r) => r.unit === 'ratio').length;
      expect(await count('reported_values')).toBe(expected);
      expect(await count('value_revisions')).toBe(expected);
      expect(await count('parks')).toBe(11); // 8 of zones.csv + 吴兴 park, 无锡, 潍坊
      expect(await count('targets')).toBe(15); // T1–T13 with T7 and T12 split per zone / per carrier
      expect(await seedIfEmpty(handle.db, new Date())).toBe(false);
      expect(await count('reported_values')).toBe(expected);
    });

    it('records the 三次产业结构 ratio as three shares of GDP', async () => {
      const rows = await handle.db.selectFrom('reported_values').select(['indicator_code', 'value'])
        .where('year', '=', 2012).where('indicator_code', 'like', '%industry_pct').orderBy('indicator_code').execute();
      expect(rows.map((r) => [r.indicator_code, r.value])).toEqual([
        ['primary_industry_pct', 2.2], ['secondary_industry_pct', 25.8], ['tertiary_industry_pct', 72],
      ]);
    });

    it('stores the regions with GB/T 2260 codes, Qiantang district included', async () => {
      const qiantang = await handle.db.selectFrom('regions').selectAll().where('code', '=', '330114').executeTakeFirstOrThrow();
      expect([qiantang.name, qiantang.level, qiantang.parent_code]).toEqual(['钱塘区', 'county', '330100']);
      const park = await handle.db.selectFrom('parks').selectAll().where('name', '=', '萧山临江高新区').executeTakeFirstOrThrow();
      expect([park.county_code, park.city_code, park.approval_year]).toEqual(['330114', '330100', 2015]);
      const n = await handle.db.selectFrom('regions').select(sql<number>`count(*)`.as('n')).where('level', '=', 'city').where('parent_code', '=', '330000').executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(11);
    });

    it('counts changes by what changed: every change, the catalogue, the figures and parks of each province', async () => {
      const parkIn = async (province: string) => (await handle.db.selectFrom('parks').select('id').where('province_code', '=', province).orderBy('id').executeTakeFirstOrThrow()).id;
      const [zhejiang, jiangsu] = [await parkIn('330000'), await parkIn('320000')];
      expect(await provincesOf(handle.db, { parkIds: [zhejiang, jiangsu, zhejiang], regionCodes: ['330100', null] })).toEqual(['320000', '330000']);

      const all0 = await readDataVersion(handle.db);
      const v0 = await readVersions(handle.db);
      // A park in Zhejiang reports: every change counts it, Zhejiang's figures too, nothing else.
      await bumpDataVersion(handle.db, { kind: 'province', provinces: ['330000'] });
      await bumpDataVersion(handle.db, { kind: 'province', provinces: ['330000'] });
      const v1 = await readVersions(handle.db);
      expect(await readDataVersion(handle.db)).toBe(all0 + 2);
      expect([v1.catalogue, v1.figuresOf('330000'), v1.figuresOf('320000')]).toEqual([v0.catalogue, v0.figuresOf('330000') + 2, v0.figuresOf('320000')]);
      // A target changes: every change counts it; the changed target itself says it is new (services/progress.ts).
      await bumpDataVersion(handle.db, { kind: 'targets' });
      const v2 = await readVersions(handle.db);
      expect([await readDataVersion(handle.db), v2.catalogue, v2.figuresOf('330000')]).toEqual([all0 + 3, v0.catalogue, v1.figuresOf('330000')]);
      // The catalogue (indicators, regions): every target's progress is computed again.
      await bumpDataVersion(handle.db, { kind: 'catalogue' });
      const v3 = await readVersions(handle.db);
      expect([await readDataVersion(handle.db), v3.catalogue, v3.figuresOf('330000')]).toEqual([all0 + 4, v0.catalogue + 1, v1.figuresOf('330000')]);
    });
  });
}

describe('seed data', () => {
  const handouts = path.resolve(SEED_DIR, '../../../../shared/domain');
  it.runIf(existsSync(handouts))('is an unchanged copy of the domain hand-outs', () => {
    for (const file of ['targets.csv', 'zones.csv', 'reported-values.csv', 'sources.md']) {
      expect(readFileSync(path.join(SEED_DIR, file), 'utf8'), file).toBe(readFileSync(path.join(handouts, file), 'utf8'));
    }
  });
});
