import type { BenchDatabase } from './postgres';

export interface ExplainedQuery {
  /** The pages whose rendering ran this query. */
  pages: string[];
  sql: string;
  /** The values auto_explain logged for $1, $2 … */
  parameters: string;
  durationMs: number;
  plan: string;
  flags: string[];
}

const ENTRY_START = /\n(?=\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? \S+ \[\d+\] )/;
const PLAN_LINE = /\((?:cost=|actual time=)/;

/** A statement slower than this at 100k posts is flagged, whatever its plan. */
const SLOW_MS = 50;
/** A plan node producing or filtering away this many rows is flagged: the work grows with the corpus. */
const MANY_ROWS = 10_000;

/**
 * What breaks flat latency at scale: Seq Scans over posts, sorts of many rows or on
 * disk, nodes that read many rows, and slow statements.
 */
export function flagsOf(plan: string, durationMs = 0): string[] {
  const flags = new Set<string>();
  const lines = plan.split('\n');
  let mostRows = 0;
  lines.forEach((line, i) => {
    if (/Seq Scan on posts\b/.test(line)) flags.add('Seq Scan on posts');
    const rows = Number(/actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(line)?.[1] ?? /Rows Removed by (?:Filter|Join Filter): (\d+)/.exec(line)?.[1] ?? 0);
    mostRows = Math.max(mostRows, rows);
    if (!/^\s*(?:->\s*)?(?:Incremental )?Sort {2}\(/.test(line)) return;
    const method = lines.slice(i + 1, i + 4).find((l) => /Sort Method:/.test(l)) ?? '';
    if (rows >= 1000 || /external|Disk/.test(method)) flags.add(`Large sort (${rows} rows${/external/.test(method) ? ', on disk' : ''})`);
  });
  if (mostRows >= MANY_ROWS) flags.add(`Reads ${mostRows} rows in one node`);
  if (durationMs >= SLOW_MS) flags.add(`Slow (${Math.round(durationMs)} ms)`);
  return [...flags];
}

/** Splits auto_explain's text output (the server's stderr) into query, parameters and plan. */
export function parseAutoExplainLog(log: string): { sql: string; parameters: string; durationMs: number; plan: string }[] {
  const entries = [];
  for (const entry of log.split(ENTRY_START)) {
    const head = /duration: ([\d.]+) ms\s+plan:\s*\n\s*Query Text: /.exec(entry);
    if (!head) continue;
    const lines = entry.slice(head.index + head[0].length).split('\n');
    const firstPlan = lines.findIndex((l, i) => i > 0 && PLAN_LINE.test(l));
    const header = firstPlan > 0 ? lines.slice(0, firstPlan) : lines.slice(0, 1);
    const paramsAt = header.findIndex((l) => /^\s*Query Parameters: /.test(l));
    const sqlLines = paramsAt >= 0 ? header.slice(0, paramsAt) : header;
    const parameters = paramsAt >= 0 ? header.slice(paramsAt).join(' ').replace(/^\s*Query Parameters: /, '').trim() : '';
    const planLines = firstPlan > 0 ? lines.slice(firstPlan) : [];
    const indent = /^\s*/.exec(planLines[0] ?? '')?.[0].length ?? 0;
    entries.push({
      sql: sqlLines.map((l) => l.trim()).join('\n').trim(),
      parameters,
      durationMs: Number(head[1]),
      plan: planLines.map((l) => l.slice(indent).replace(/\s+$/, '')).filter(Boolean).join('\n'),
    });
  }
  return entries;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every query the public pages send, exactly as
 * Prisma sends them: auto_explain logs each statement's plan while each page is
 * rendered once from a cold cache.
 */
export async function explainPages(
  database: BenchDatabase,
  pages: string[],
  render: (path: string) => Promise<void>,
  revalidate: () => Promise<void>,
): Promise<ExplainedQuery[]> {
  const settings = { log_min_duration: '0', log_analyze: 'on', log_buffers: 'on', log_timing: 'on', log_nested_statements: 'on', log_format: 'text' };
  for (const [k, v] of Object.entries(settings)) await database.query(`ALTER SYSTEM SET auto_explain.${k} = '${v}'`);
  await database.query('SELECT pg_reload_conf()');
  await new Promise((resolve) => setTimeout(resolve, 500));
  const byQuery = new Map<string, ExplainedQuery>();
  try {
    await revalidate();
    for (const page of pages) {
      const mark = database.mark();
      await render(page);
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const entry of parseAutoExplainLog(database.logSince(mark))) {
        if (/pg_reload_conf|ALTER SYSTEM/i.test(entry.sql)) continue;
        const known = byQuery.get(entry.sql);
        if (known) {
          if (!known.pages.includes(page)) known.pages.push(page);
          continue;
        }
        byQuery.set(entry.sql, { pages: [page], ...entry, flags: flagsOf(entry.plan, entry.durationMs) });
      }
    }
  } finally {
    await database.query('ALTER SYSTEM RESET ALL');
    await database.query('SELECT pg_reload_conf()');
  }
  return [...byQuery.values()];
}
