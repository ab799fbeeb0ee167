// What a screen shows and how fast: the settings the admin gave the link (GET /api/screen/config),
// overridden by the URL (`?interval=10&scenes=targets,ranking&refresh=120&reloadHours=6`). Every
// URL value is checked; a value that does not pass is ignored and the link's setting stays.
import { SCREEN_SCENES } from '../../../shared/schemas.ts';

export type Scene = (typeof SCREEN_SCENES)[number];

export interface LinkSettings {
  scenes: readonly Scene[];
  intervalSeconds: number;
  provinceCode: string;
  indicator?: string | undefined;
  targetId?: number | undefined;
}

export interface ScreenOptions {
  scenes: Scene[];
  /** How long each scene stays. */
  intervalMs: number;
  /** How often the data are asked for again. */
  refreshMs: number;
  /** A quiet full reload after this long (0: never). */
  reloadMs: number;
  provinceCode: string;
  indicator: string | undefined;
  targetId: number | undefined;
}

export const DEFAULT_REFRESH_SECONDS = 120;
export const DEFAULT_RELOAD_HOURS = 6;

/**
 * Accepted ranges of the URL values. The admin's form asks for at least 5 s per scene; the URL allows
 * 1 s so that a test can run many rotations quickly.
 */
export const URL_LIMITS = {
  interval: { min: 1, max: 3600 },
  refresh: { min: 2, max: 3600 },
  reloadHours: { min: 0.1, max: 168 },
} as const;

const isScene = (s: string): s is Scene => (SCREEN_SCENES as readonly string[]).includes(s);

/** Known scene names from a comma-separated list, in its order, each once; none known → the fallback. */
export function parseScenes(text: string | null, fallback: readonly Scene[]): Scene[] {
  const known = [...new Set((text ?? '').split(',').map((s) => s.trim()).filter(isScene))];
  return known.length ? known : [...fallback];
}

/** A number from the URL within [min, max], else undefined. */
export function parseNumber(text: string | null, limits: { min: number; max: number }): number | undefined {
  if (text === null || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= limits.min && n <= limits.max ? n : undefined;
}

export function screenOptions(link: LinkSettings, search: URLSearchParams): ScreenOptions {
  const interval = parseNumber(search.get('interval'), URL_LIMITS.interval) ?? link.intervalSeconds;
  const refresh = parseNumber(search.get('refresh'), URL_LIMITS.refresh) ?? DEFAULT_REFRESH_SECONDS;
  const reloadText = search.get('reloadHours');
  const reloadHours = reloadText !== null && Number(reloadText) === 0 && reloadText.trim() !== ''
    ? 0
    : parseNumber(reloadText, URL_LIMITS.reloadHours) ?? DEFAULT_RELOAD_HOURS;
  const indicator = search.get('indicator');
  const target = parseNumber(search.get('target'), { min: 1, max: Number.MAX_SAFE_INTEGER });
  return {
    scenes: parseScenes(search.get('scenes'), link.scenes.length ? link.scenes : SCREEN_SCENES),
    intervalMs: Math.round(interval * 1000),
    refreshMs: Math.round(refresh * 1000),
    reloadMs: Math.round(reloadHours * 3_600_000),
    provinceCode: link.provinceCode,
    indicator: indicator && /^[a-z][a-z0-9_]{0,63}$/.test(indicator) ? indicator : link.indicator,
    targetId: target !== undefined && Number.isInteger(target) ? target : link.targetId,
  };
}
