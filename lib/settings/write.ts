import 'server-only';
import { db } from '@/lib/db';
import { revalidateAllPosts } from '@/lib/posts/write';
import type { SiteSettingsInput } from '@/lib/validations/settings';

/** Saves the settings and expires every public page on every instance (the `site` tag, as a re-render does); returns a warning when other instances could not be told. */
export async function saveSiteSettings(input: SiteSettingsInput): Promise<string | null> {
  await db.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
  return revalidateAllPosts();
}
