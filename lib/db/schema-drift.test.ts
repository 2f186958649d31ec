import { readFileSync } from 'node:fs';
import internals from '@prisma/internals';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/test/database';

/**
 * Proves the hand-written migrations build exactly the database schema.prisma
 * describes: tables, columns, types, nullability, defaults, enums, primary keys,
 * unique and plain indexes, and foreign keys.
 */
type Dmmf = Awaited<ReturnType<typeof internals.getDMMF>>;
type Model = Dmmf['datamodel']['models'][number];
type Field = Model['fields'][number];

let dmmf: Dmmf;
let schemaText: string;
let client: pg.Client;
let unsupported: { model: string; name: string; column: string; type: string; required: boolean }[];

/** DMMF leaves out `Unsupported("…")` fields; read them from the schema text. */
function unsupportedFields(schema: string) {
  let model = '';
  return schema.split('\n').flatMap((line) => {
    model = /^model (\w+) \{/.exec(line)?.[1] ?? (line.startsWith('}') ? '' : model);
    const field = /^\s+(\w+)\s+Unsupported\("(\w+)"\)(\?)?(.*)$/.exec(line);
    if (!model || !field) return [];
    const [, name, type, optional, rest] = field;
    return [{ model, name: name!, column: /@map\("(\w+)"\)/.exec(rest!)?.[1] ?? name!, type: type!, required: !optional }];
  });
}

const tableOf = (model: Model) => model.dbName ?? model.name;
const columnOf = (model: Model, name: string) => {
  const field = model.fields.find((f) => f.name === name);
  return field ? (field.dbName ?? field.name) : unsupported.find((u) => u.model === model.name && u.name === name)!.column;
};

/** Postgres names an array type after its element type with a leading underscore (`text[]` is `_text`). */
function expectedType(field: Field): string {
  return field.isList ? `_${elementType(field)}` : elementType(field);
}

function elementType(field: Field): string {
  if (field.kind === 'enum') return `enum:${dmmf.datamodel.enums.find((e) => e.name === field.type)!.dbName ?? field.type}`;
  const native = field.nativeType as [string, string[]] | null;
  if (field.type === 'DateTime') {
    const precision = native?.[1]?.[0] ?? '3';
    return native?.[0] === 'Timestamptz' ? `timestamptz(${precision})` : `timestamp(${precision})`;
  }
  const byType: Record<string, string> = { String: 'text', Int: 'int4', BigInt: 'int8', Boolean: 'bool', Json: 'jsonb', Float: 'float8', Bytes: 'bytea' };
  if (native) return native[0].toLowerCase();
  return byType[field.type] ?? `unknown:${field.type}`;
}

function dbDefaultExpected(field: Field): boolean {
  if (!field.hasDefaultValue) return false;
  const fn = (field.default as { name?: string } | undefined)?.name;
  return !fn || ['autoincrement', 'now', 'dbgenerated', 'sequence'].includes(fn);
}

beforeAll(async () => {
  const schema = readFileSync('prisma/schema.prisma', 'utf8');
  schemaText = schema;
  dmmf = await internals.getDMMF({ datamodel: schema });
  unsupported = unsupportedFields(schema);
  client = new pg.Client({ connectionString: await createTestDatabase() });
  await client.connect();
});

afterAll(() => client.end());

describe('the migrated database matches schema.prisma', () => {
  it('has exactly the tables of the models', async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(dmmf.datamodel.models.map(tableOf).sort());
  });

  it('has every column with its type, nullability and default, and no others', async () => {
    const { rows } = await client.query<{ table_name: string; column_name: string; type: string; nullable: boolean; has_default: boolean }>(`
      SELECT c.relname AS table_name, a.attname AS column_name,
             CASE WHEN t.typtype = 'e' THEN 'enum:' || t.typname
                  WHEN t.typname IN ('timestamptz', 'timestamp') THEN t.typname || '(' || a.atttypmod || ')'
                  ELSE t.typname END AS type,
             NOT a.attnotnull AS nullable, a.atthasdef AS has_default
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname <> '_prisma_migrations'`);
    const actual = rows.map((r) => `${r.table_name}.${r.column_name}: ${r.type}${r.nullable ? '?' : ''}${r.has_default ? ' default' : ''}`);
    const expected = dmmf.datamodel.models.flatMap((model) =>
      model.fields
        .filter((f) => f.kind !== 'object')
        .map((f) => `${tableOf(model)}.${f.dbName ?? f.name}: ${expectedType(f)}${f.isRequired ? '' : '?'}${dbDefaultExpected(f) ? ' default' : ''}`)
        .concat(unsupported.filter((u) => u.model === model.name).map((u) => `${tableOf(model)}.${u.column}: ${u.type}${u.required ? '' : '?'}`)),
    );
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('has every enum with its values in order', async () => {
    const { rows } = await client.query<{ name: string; labels: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const expected = dmmf.datamodel.enums.map((e) => ({ name: e.dbName ?? e.name, labels: e.values.map((v) => v.dbName ?? v.name) }));
    expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
  });

  it('has every primary key, unique and plain index, with Prisma names, columns and order', async () => {
    const { rows } = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    // `@@index(…, map: "x") // column COLLATE "zh-x-icu"` in the schema: the collation Prisma cannot name.
    const collated = new Map([...schemaText.matchAll(/map: "(\w+)"\)\s*\/\/ (\w+ COLLATE "[^"]+")/g)].map((m) => [m[1]!, m[2]!]));
    const actual = rows.map((r) => {
      const collation = collated.get(r.name);
      const definition = collation && r.definition.replace(/"/g, '').includes(collation.replace(/"/g, '')) ? r.definition.replace(/"/g, '').replace(collation.replace(/"/g, ''), collation.split(' ')[0]!) : r.definition;
      const [, unique, table, method, columns] = /^CREATE (UNIQUE )?INDEX \S+ ON public\.(\S+) USING (\w+) \((.*)\)$/.exec(definition) ?? [];
      const using = method === 'btree' ? '' : ` using ${method}`;
      return `${r.name}: ${unique ? 'unique ' : ''}${table?.replace(/"/g, '')}${using}(${columns?.replace(/"/g, '')})`;
    });
    const expected = dmmf.datamodel.indexes.map((index) => {
      const model = dmmf.datamodel.models.find((m) => m.name === index.model)!;
      const table = tableOf(model);
      const columns = index.fields.map((f) => columnOf(model, f.name));
      const suffix = { id: 'pkey', unique: 'key', normal: 'idx', fulltext: 'idx' }[index.type];
      const name = index.dbName ?? (index.type === 'id' ? `${table}_pkey` : `${table}_${columns.join('_')}_${suffix}`);
      const list = index.fields.map((f, i) => `${columns[i]}${f.sortOrder === 'desc' ? ' DESC' : ''}`).join(', ');
      const algorithm = (index as { algorithm?: string }).algorithm;
      const using = algorithm && algorithm !== 'BTree' ? ` using ${algorithm.toLowerCase()}` : '';
      return `${name}: ${index.type === 'normal' ? '' : 'unique '}${table}${using}(${list})`;
    });
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('has every foreign key with its referential actions', async () => {
    const { rows } = await client.query<{ name: string; definition: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE contype = 'f'`,
    );
    const actual = rows.map((r) => `${r.name}: ${r.definition.replace(/"/g, '')}`);
    const actions: Record<string, string> = { Cascade: 'CASCADE', SetNull: 'SET NULL', Restrict: 'RESTRICT', NoAction: 'NO ACTION' };
    const expected = dmmf.datamodel.models.flatMap((model) =>
      model.fields
        .filter((f) => f.kind === 'object' && f.relationFromFields?.length)
        .map((f) => {
          const target = dmmf.datamodel.models.find((m) => m.name === f.type)!;
          const from = f.relationFromFields!.map((n) => columnOf(model, n));
          const to = f.relationToFields!.map((n) => columnOf(target, n));
          const onDelete = actions[(f as { relationOnDelete?: string }).relationOnDelete ?? (f.isRequired ? 'Restrict' : 'SetNull')];
          const deleteClause = onDelete === 'NO ACTION' ? '' : ` ON DELETE ${onDelete}`;
          return `${tableOf(model)}_${from.join('_')}_fkey: FOREIGN KEY (${from.join(', ')}) REFERENCES ${tableOf(target)}(${to.join(', ')}) ON UPDATE CASCADE${deleteClause}`;
        }),
    );
    expect(actual.sort()).toEqual(expected.sort());
  });
});
