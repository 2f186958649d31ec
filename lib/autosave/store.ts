import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client.ts';
import { autosaveFieldsSchema, type AutosavedFields, type AutosaveWrite } from '@/lib/validations/autosave';

export interface StoredAutosave {
  fields: AutosavedFields;
  baseVersion: number;
  savedAt: Date;
}

/** A user's autosave of a post (null: of the new post they were writing), if any. */
export async function getAutosave(userId: number, postId: number | null): Promise<StoredAutosave | null> {
  const row = await db.autosave.findFirst({ where: { userId, postId }, select: { fields: true, baseVersion: true, savedAt: true } });
  const fields = row && autosaveFieldsSchema.safeParse(row.fields);
  return row && fields?.success ? { fields: fields.data, baseVersion: row.baseVersion, savedAt: row.savedAt } : null;
}

/** Replaces the user's autosave of the post; returns when it was written, or null when the post is gone. */
export async function writeAutosave(userId: number, input: AutosaveWrite): Promise<Date | null> {
  const savedAt = new Date();
  const data = { fields: input.fields, baseVersion: input.baseVersion, savedAt };
  // A new post has no id to key on, and Postgres never finds two NULLs equal: replace, then insert.
  try {
    await db.$transaction([
      db.autosave.deleteMany({ where: { userId, postId: input.postId } }),
      db.autosave.create({ data: { userId, postId: input.postId, ...data } }),
    ]);
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError)) throw error;
    // The post was deleted for good meanwhile.
    if (error.code === 'P2003') return null;
    // Two tabs autosaving the same post at once: the other one's write stands.
    if (error.code !== 'P2002') throw error;
  }
  return savedAt;
}

export async function discardAutosave(userId: number, postId: number | null): Promise<void> {
  await db.autosave.deleteMany({ where: { userId, postId } });
}
