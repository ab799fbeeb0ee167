// The admin page's logic, pure: field errors from the API's details, park names of a user, and the
// screen link as the wall opens it.
import type { z } from 'zod';
import type { ScreenScene } from '../../../shared/schemas.ts';
import type { WordKey } from '../../lib/i18n.ts';

/** `details` of a 400 by field (`password`, `parkIds`, `username`, `intervalSeconds`): the first message each. */
export function fieldErrors(details: readonly { path: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details) {
    const field = d.path.split('.')[0] ?? d.path;
    out[field] ??= d.message;
  }
  return out;
}

export function parkNames(ids: readonly number[], parks: readonly { id: number; name: string }[]): string[] {
  const byId = new Map(parks.map((p) => [p.id, p.name]));
  return ids.map((id) => byId.get(id) ?? `#${id}`);
}

/** The cities that have parks, once each, in the parks' order: what a city reviewer may be bound to. */
export function citiesOfParks(parks: readonly { cityCode: string | null; cityName: string | null; provinceName?: string }[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const p of parks) if (p.cityCode && !seen.has(p.cityCode)) seen.set(p.cityCode, p.cityName ?? p.cityCode);
  return [...seen].map(([code, name]) => ({ code, name }));
}

/** The link to open on the wall: absolute, on this site. */
export function absoluteUrl(url: string, origin: string): string {
  try {
    return new URL(url, origin).toString();
  } catch {
    return url;
  }
}

export function sceneLabel(scene: z.infer<typeof ScreenScene>): WordKey<'admin'> {
  return `scene.${scene}`;
}

/** A password the admin can hand over: 14 characters without look-alikes (0/O, 1/l/I). */
export function suggestPassword(random: (n: number) => number = (n) => crypto.getRandomValues(new Uint32Array(1))[0]! % n): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 14 }, () => alphabet[random(alphabet.length)]).join('');
}
