// The shared zod schemas that check every answer of the API, loaded when the first answer arrives
// rather than with the first page: zod and the schemas are a fifth of the overview's JavaScript, and
// the frame (header, filters, loading skeleton) does not need them. The request and this chunk load
// side by side; nothing is shown before its answer is checked.
import type { z } from 'zod';

type Schemas = typeof import('../../shared/schemas.ts');
type Zod = typeof import('zod').z;

let loading: Promise<[Schemas, Zod]> | null = null;

function load(): Promise<[Schemas, Zod]> {
  loading ??= Promise.all([import('../../shared/schemas.ts'), import('zod').then((m) => m.z)]).catch((err: unknown) => {
    loading = null; // a failed chunk load is tried again next time
    throw err;
  });
  return loading;
}

/** A schema to check an answer by, picked from the shared ones once they are loaded. */
export type LazySchema<T> = () => Promise<z.ZodType<T>>;

export function lazySchema<T>(pick: (schemas: Schemas, zod: Zod) => z.ZodType<T>): LazySchema<T> {
  return async () => {
    const [schemas, zod] = await load();
    return pick(schemas, zod);
  };
}
