import type { Prisma } from '@/lib/generated/prisma/client.ts';
import { slugify, termKey } from '@/lib/content/terms';

type Tx = Prisma.TransactionClient;
export type TermKind = 'tag' | 'category';

const TABLES = { tag: 'tags', category: 'categories' } as const;

/** Existing spellings win: maps each name to the stored name of the same case-insensitive term, if there is one. */
export async function canonicalTermNames(tx: Pick<Tx, 'tag' | 'category'>, kind: TermKind, names: string[]): Promise<string[]> {
  if (!names.length) return [];
  const keys = names.map(termKey);
  const rows =
    kind === 'tag'
      ? await tx.tag.findMany({ where: { nameKey: { in: keys } }, select: { name: true, nameKey: true } })
      : await tx.category.findMany({ where: { nameKey: { in: keys } }, select: { name: true, nameKey: true } });
  const byKey = new Map(rows.map((r) => [r.nameKey, r.name]));
  return names.map((name, i) => byKey.get(keys[i]!) ?? name);
}

/** The ids of the named terms, in order, creating missing ones with a unique slug. Safe under concurrent imports. */
export async function ensureTerms(tx: Tx, kind: TermKind, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) ids.push(await ensureTerm(tx, kind, name));
  return ids;
}

async function ensureTerm(tx: Tx, kind: TermKind, name: string): Promise<number> {
  const table = TABLES[kind];
  const key = termKey(name);
  const base = slugify(name) || kind;
  for (let attempt = 1; ; attempt++) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    // ON CONFLICT DO NOTHING keeps the transaction alive when another writer got there first.
    const inserted = await tx.$queryRawUnsafe<{ id: number }[]>(
      `INSERT INTO "${table}" (name, name_key, slug) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
      name,
      key,
      slug,
    );
    if (inserted[0]) return inserted[0].id;
    const existing = await tx.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM "${table}" WHERE name_key = $1`, key);
    if (existing[0]) return existing[0].id;
  }
}
