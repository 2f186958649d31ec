import type { Prisma } from '@/lib/generated/prisma/client.ts';
import { noSpellings, slugify, spell, termKey, type Spellings, type TermKind } from './names';

type Tx = Prisma.TransactionClient;
type Reader = Pick<Tx, 'tag' | 'category'>;

const TABLES = { tag: 'tags', category: 'categories' } as const;

interface Named {
  tags: string[];
  categories: string[];
}

/**
 * The one canonicalisation of term spellings: stored spellings win, then the
 * first spelling `spellings` met (an import remembers them across its chunks).
 * One query per kind for any number of posts.
 */
export async function withCanonicalTerms<T extends Named>(reader: Reader, posts: T[], spellings: Spellings = noSpellings()): Promise<T[]> {
  const keys = (names: string[][]) => [...new Set(names.flat().map(termKey))];
  const select = { name: true, nameKey: true } as const;
  const tagKeys = keys(posts.map((post) => post.tags));
  const categoryKeys = keys(posts.map((post) => post.categories));
  const stored = [
    ...(tagKeys.length ? await reader.tag.findMany({ where: { nameKey: { in: tagKeys } }, select }) : []).map((row) => ['tag', row] as const),
    ...(categoryKeys.length ? await reader.category.findMany({ where: { nameKey: { in: categoryKeys } }, select }) : []).map((row) => ['category', row] as const),
  ];
  for (const [kind, row] of stored) spellings[kind].set(row.nameKey, row.name);
  return posts.map((post) => ({ ...post, tags: spell(spellings, 'tag', post.tags), categories: spell(spellings, 'category', post.categories) }));
}

/**
 * The named terms' ids and slugs, in order, creating missing ones with a unique
 * slug. Safe under concurrent imports. One insert and one select for the usual
 * case; term by term only for a name whose slug another term already has.
 */
export async function ensureTermRows(tx: Tx, kind: TermKind, names: string[]): Promise<{ id: number; slug: string }[]> {
  if (!names.length) return [];
  const table = TABLES[kind];
  // In key order, so that concurrent writers wait for each other instead of deadlocking.
  const rows = names
    .map((name) => ({ name, key: termKey(name), slug: slugify(name) || kind }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (name, name_key, slug) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
    rows.map((r) => r.name),
    rows.map((r) => r.key),
    rows.map((r) => r.slug),
  );
  const found = await tx.$queryRawUnsafe<{ id: number; name_key: string; slug: string }[]>(
    `SELECT id, name_key, slug FROM "${table}" WHERE name_key = ANY($1::text[])`,
    rows.map((r) => r.key),
  );
  const byKey = new Map(found.map((row) => [row.name_key, { id: row.id, slug: row.slug }]));
  const out: { id: number; slug: string }[] = [];
  for (const name of names) {
    const key = termKey(name);
    if (!byKey.has(key)) {
      const id = await ensureTerm(tx, kind, name);
      const [row] = await tx.$queryRawUnsafe<{ slug: string }[]>(`SELECT slug FROM "${table}" WHERE id = $1`, id);
      byKey.set(key, { id, slug: row!.slug });
    }
    out.push(byKey.get(key)!);
  }
  return out;
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
