import 'server-only';
import { autosavedFieldsOf, AUTOSAVED_FIELDS, type AutosavedFields } from '@/lib/validations/autosave';
import type { PostFormInput } from '@/lib/validations/post-form';
import { getAutosave } from './store';

export interface AutosaveOfferData {
  fields: AutosavedFields;
  baseVersion: number;
  savedAt: string;
}

/** The user's autosave of a post, when it differs from what the editor opens with. */
export async function autosaveOffer(userId: number, postId: number | null, current: PostFormInput): Promise<AutosaveOfferData | undefined> {
  const stored = await getAutosave(userId, postId);
  if (!stored) return undefined;
  const now = autosavedFieldsOf(current);
  const differs = AUTOSAVED_FIELDS.some((name) => stored.fields[name].trim() !== now[name].trim());
  return differs ? { fields: stored.fields, baseVersion: stored.baseVersion, savedAt: stored.savedAt.toISOString() } : undefined;
}
