// Changes to the park register (admins and planners): a new park, or an edit that names the version
// it was made on. Audited like every write.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CreateParkBody, UpdateParkBody } from '../../shared/schemas.ts';
import type { Database } from '../db/schema.ts';
import { ApiError } from '../http.ts';
import { audit, type Actor } from './audit.ts';
import { bumpDataVersion } from './data-version.ts';

type ParkInput = z.infer<typeof CreateParkBody>;

/** The region codes must exist and nest: the county in the city, the city in the province. */
async function checkRegions(db: Kysely<Database>, p: { provinceCode: string; cityCode?: string | null; countyCode?: string | null }): Promise<void> {
  const codes = [p.provinceCode, p.cityCode, p.countyCode].filter((c): c is string => !!c);
  const rows = await db.selectFrom('regions').select(['code', 'level', 'parent_code']).where('code', 'in', codes).execute();
  const get = (code: string | null | undefined) => rows.find((r) => r.code === code);
  const problems: { path: string; message: string }[] = [];
  if (get(p.provinceCode)?.level !== 'province') problems.push({ path: 'provinceCode', message: `省份代码 ${p.provinceCode} 不存在 (unknown province)` });
  if (p.cityCode && get(p.cityCode)?.parent_code !== p.provinceCode) problems.push({ path: 'cityCode', message: `城市代码 ${p.cityCode} 不属于该省 (not a city of the province)` });
  if (p.countyCode && get(p.countyCode)?.parent_code !== p.cityCode) problems.push({ path: 'countyCode', message: `县区代码 ${p.countyCode} 不属于该市 (not a county of the city)` });
  if (problems.length) throw new ApiError(400, 'invalid_request', problems.map((x) => x.message).join('; '), problems);
}

function columns(input: Partial<ParkInput>) {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.level !== undefined ? { level: input.level } : {}),
    ...(input.provinceCode !== undefined ? { province_code: input.provinceCode } : {}),
    ...(input.cityCode !== undefined ? { city_code: input.cityCode } : {}),
    ...(input.countyCode !== undefined ? { county_code: input.countyCode } : {}),
    ...(input.approvedOn !== undefined ? { approved_on: input.approvedOn, approval_year: input.approvedOn ? Number(input.approvedOn.slice(0, 4)) : null } : {}),
    ...(input.aliases !== undefined ? { aliases: input.aliases.length ? input.aliases.join('；') : null } : {}),
    ...(input.sourceCode !== undefined ? { source_code: input.sourceCode } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
  };
}

async function nameTaken(db: Kysely<Database>, name: string, exceptId?: number): Promise<void> {
  let q = db.selectFrom('parks').select('id').where('name', '=', name);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw new ApiError(409, 'name_taken', `已有名为“${name}”的园区 (a park with this name exists)`);
}

export async function createPark(db: Kysely<Database>, input: ParkInput, actor: Actor, now: Date): Promise<number> {
  await checkRegions(db, input);
  await nameTaken(db, input.name);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('parks').values({
      name: input.name, level: input.level, province_code: input.provinceCode, city_code: input.cityCode ?? null, county_code: input.countyCode ?? null,
      approved_on: input.approvedOn ?? null, approval_year: input.approvedOn ? Number(input.approvedOn.slice(0, 4)) : null,
      aliases: input.aliases?.length ? input.aliases.join('；') : null, source_code: input.sourceCode ?? null, note: input.note ?? null,
      created_at: now.toISOString(), updated_at: now.toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    await bumpDataVersion(trx, { kind: 'province', provinces: [input.provinceCode] });
    await audit(trx, actor, now, 'create', 'park', id, input);
    return id;
  });
}

export async function updatePark(db: Kysely<Database>, id: number, input: z.infer<typeof UpdateParkBody>, actor: Actor, now: Date): Promise<void> {
  const current = await db.selectFrom('parks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw new ApiError(404, 'not_found', `未找到园区 ${id} (park ${id} not found)`);
  const { version, ...changes } = input;
  if (version !== current.version) {
    throw new ApiError(409, 'conflict', `园区信息已被他人修改(当前第${current.version}版), 请刷新后再改 (changed since you loaded it)`, undefined, { current: { version: current.version } });
  }
  const merged = {
    provinceCode: changes.provinceCode ?? current.province_code,
    cityCode: changes.cityCode !== undefined ? changes.cityCode : current.city_code,
    countyCode: changes.countyCode !== undefined ? changes.countyCode : current.county_code,
  };
  await checkRegions(db, merged);
  if (changes.name) await nameTaken(db, changes.name, id);
  await db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('parks').set({ ...columns(changes), version: current.version + 1, updated_at: now.toISOString() })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new ApiError(409, 'conflict', '园区信息刚被他人修改 (changed concurrently)');
    // A park moved to another province changes the targets of both.
    await bumpDataVersion(trx, { kind: 'province', provinces: [current.province_code, merged.provinceCode] });
    await audit(trx, actor, now, 'update', 'park', id, { before: current, changes });
  });
}
