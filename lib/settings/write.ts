import 'server-only';
import { db } from '@/lib/db';
import { revalidateAllPosts } from '@/lib/posts/write';
import type { SiteSettingsInput } from '@/lib/validations/settings';
import { SETTINGS_FIELDS, toFormValues, type SettingsField, type SettingsFormValues } from './form';
import { settingsOfRow, type SiteSettings } from './read';

// Our own advisory lock key for settings saves (boot's is 5_260_131, Prisma Migrate's 72707369).
const SETTINGS_LOCK = 5_260_132;

export type SettingsSaveOutcome =
  | { ok: true; saved: SiteSettings; warning: string | null }
  /** Nothing saved: another save changed `conflicts` (to what `current` holds) since the form was opened; `changed` are all the fields this save changed. */
  | { ok: false; conflicts: SettingsField[]; changed: SettingsField[]; current: SiteSettings };

/**
 * Saves the fields the admin changed from `base` (the settings their form was opened with), so
 * two admins saving different fields both keep their change. When another save changed one of
 * the same fields in between, nothing is saved and the fields are named. Every public page then
 * expires on every instance (the `site` tag); the result carries a warning when some could not be told.
 */
export async function saveSiteSettings(input: SiteSettingsInput, base: SettingsFormValues): Promise<SettingsSaveOutcome> {
  let wrote = false;
  const outcome = await db.$transaction(async (tx): Promise<SettingsSaveOutcome> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETTINGS_LOCK}::bigint)`;
    const row = await tx.siteSettings.findUnique({ where: { id: 1 } });
    const current = settingsOfRow(row);
    // Compared as the form shows them, so what was typed differently but means the same is no change.
    const [now, wanted] = [toFormValues(current), toFormValues(input)];
    const changed = SETTINGS_FIELDS.filter((f) => wanted[f] !== base[f]);
    const conflicts = changed.filter((f) => now[f] !== base[f] && now[f] !== wanted[f]);
    if (conflicts.length) return { ok: false, conflicts, changed, current };
    const update: Partial<SiteSettingsInput> = Object.fromEntries(changed.map((f) => [f, input[f]]));
    const saved = { ...current, ...update };
    if (changed.length) await tx.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...saved }, update });
    wrote = changed.length > 0;
    return { ok: true, saved, warning: null };
  });
  // Nothing changed, nothing to expire.
  return outcome.ok && wrote ? { ...outcome, warning: await revalidateAllPosts() } : outcome;
}
