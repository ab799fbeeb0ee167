// Configuration from the environment, validated once at start with a message that says what to fix.
import path from 'node:path';
import { z } from 'zod';

const Config = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres:// or sqlite:').optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  WEB_ROOT: z.string().default('./dist'),
  /** The first admin's password; without it a random one is printed once to the log. */
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  /** Behind a reverse proxy you run: take the client's address from X-Forwarded-For. */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** public: anyone may read figures and progress; signed_in: every read needs a session. */
  READ_ACCESS: z.enum(['public', 'signed_in']).default('public'),
  /** Served over HTTPS: send the session cookie with Secure. */
  COOKIE_SECURE: z.enum(['0', '1']).default('0'),
  /** Seed an empty database on start (default yes); `0` leaves it empty. */
  SEED: z.enum(['0', '1']).default('1'),
  /** `1`: fill an empty database with the generated example province (示例数据, `npm run demo`) instead of the published seed. */
  DEMO: z.enum(['0', '1']).default('0'),
  /** The calendar date the server believes it is (tests, rehearsing a later reporting year): its clock runs on from that day. */
  TODAY: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-06').optional(),
});

export type AppConfig = z.infer<typeof Config> & { dataDir: string; webRoot: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Config.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(set[String(i.path[0])])})`);
    throw new Error(`配置有误 (invalid configuration):\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR), webRoot: path.resolve(parsed.data.WEB_ROOT) };
}
