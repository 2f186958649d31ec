import { sideParts, type DiffPart, type DiffRow, type FieldChange } from '@/lib/revisions/diff';
import { fieldLabel } from '@/lib/revisions/field-labels';
import styles from './revision-diff.module.css';

// No hooks or browser APIs: this renders on the server and inside client panels alike.

export interface RevisionDiffProps {
  rows: DiffRow[];
  mode: 'split' | 'inline';
  /** Why the comparison is coarser than usual, or missing (lib/render/diff-budget.ts). */
  note?: string;
}

export interface FrontMatterDiffProps {
  changes: FieldChange[];
  showUnchanged?: boolean;
}

type ChangedRow = Extract<DiffRow, { type: 'changed' }>;

const KIND_LABELS: Record<FieldChange['kind'], string> = {
  added: '新增',
  removed: '删除',
  changed: '修改',
  unchanged: '未改动',
};

/** The body of two revisions compared line by line, side by side (`split`) or in one column (`inline`). */
export function RevisionDiff({ rows, mode, note }: RevisionDiffProps) {
  const split = mode === 'split';
  const columns = split ? 4 : 3;
  return (
    <>
      {note ? (
        <p role="note" className={styles.note}>
          {note}
        </p>
      ) : null}
      <table className={classes(styles.table, styles.body)}>
        <caption className="visually-hidden">
          {split
            ? '正文对比（并排）：左栏为旧版本，右栏为新版本。'
            : '正文对比（行内）：旧版本与新版本合并显示。'}
          删除的文字标记为删除，新增的文字标记为插入，未改动的长段落已省略。
        </caption>
        <thead>
          <tr>
            <NumberHeader label="旧版行号" />
            {split && <th scope="col">旧</th>}
            <NumberHeader label="新版行号" />
            <th scope="col">{split ? '新' : '内容'}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && !note && (
            <tr>
              <td colSpan={columns} className={styles.note}>
                正文为空
              </td>
            </tr>
          )}
          {(split ? rows : unifiedOrder(rows)).map((row, index) => {
            if (row.type === 'collapsed') {
              return (
                <tr key={index} className={styles.collapsed}>
                  <td colSpan={columns}>… 省略 {row.count} 行未改动 …</td>
                </tr>
              );
            }
            if (row.type === 'unchanged') {
              return (
                <tr key={index}>
                  <LineNumber value={row.left} />
                  {split && <CodeCell parts={[{ text: row.text }]} />}
                  <LineNumber value={row.right} />
                  <CodeCell parts={[{ text: row.text }]} />
                </tr>
              );
            }
            return split ? (
              <SplitChange key={index} row={row} />
            ) : (
              <InlineChange key={index} row={row} />
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** Front matter of two revisions compared field by field; unchanged fields only when asked for. */
export function FrontMatterDiff({ changes, showUnchanged = false }: FrontMatterDiffProps) {
  const shown = showUnchanged ? changes : changes.filter((change) => change.kind !== 'unchanged');
  return (
    <table className={classes(styles.table, styles.fields)}>
      <caption className="visually-hidden">
        元数据逐字段对比：每行一个字段，依次为旧值与新值。
      </caption>
      <thead>
        <tr>
          <th scope="col">字段</th>
          <th scope="col">旧值</th>
          <th scope="col">新值</th>
        </tr>
      </thead>
      <tbody>
        {shown.length === 0 && (
          <tr>
            <td colSpan={3} className={styles.note}>
              元数据没有改动
            </td>
          </tr>
        )}
        {shown.map(({ field, kind, before, after }) => (
          <tr key={field} className={styles[kind]}>
            <th scope="row">
              {fieldLabel(field)} <span className={styles.badge}>{KIND_LABELS[kind]}</span>
            </th>
            <td
              className={kind === 'changed' || kind === 'removed' ? styles.removedSide : undefined}
            >
              <FieldValue value={before} change={kind === 'unchanged' ? undefined : 'removed'} />
            </td>
            <td className={kind === 'changed' || kind === 'added' ? styles.addedSide : undefined}>
              <FieldValue value={after} change={kind === 'unchanged' ? undefined : 'added'} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SplitChange({ row }: { row: ChangedRow }) {
  return (
    <tr>
      <LineNumber value={row.left} side="removed" />
      {row.left === undefined ? (
        <td className={styles.filler} />
      ) : (
        <CodeCell parts={sideParts(row.parts, 'before')} side="removed" />
      )}
      <LineNumber value={row.right} side="added" />
      {row.right === undefined ? (
        <td className={styles.filler} />
      ) : (
        <CodeCell parts={sideParts(row.parts, 'after')} side="added" />
      )}
    </tr>
  );
}

function InlineChange({ row }: { row: ChangedRow }) {
  const side = row.left === undefined ? 'added' : row.right === undefined ? 'removed' : 'changed';
  return (
    <tr>
      <LineNumber value={row.left} side="removed" />
      <LineNumber value={row.right} side="added" />
      <CodeCell parts={row.parts} side={side} />
    </tr>
  );
}

// Lines with nothing in common read as in a unified diff: the old lines of a run, then the new.
function unifiedOrder(rows: DiffRow[]): DiffRow[] {
  const ordered: DiffRow[] = [];
  let removed: DiffRow[] = [];
  let added: DiffRow[] = [];
  const flush = () => {
    for (const row of [...removed, ...added]) ordered.push(row);
    removed = [];
    added = [];
  };
  for (const row of rows) {
    if (row.type !== 'changed' || row.parts.some((part) => part.change === undefined)) {
      flush();
      ordered.push(row);
      continue;
    }
    if (row.left !== undefined) {
      removed.push({ type: 'changed', left: row.left, parts: sideParts(row.parts, 'before') });
    }
    if (row.right !== undefined) {
      added.push({ type: 'changed', right: row.right, parts: sideParts(row.parts, 'after') });
    }
  }
  flush();
  return ordered;
}

function NumberHeader({ label }: { label: string }) {
  return (
    <th scope="col" className={styles.number}>
      <span className="visually-hidden">{label}</span>
    </th>
  );
}

function LineNumber({ value, side }: { value?: number; side?: 'removed' | 'added' }) {
  const tint = side && value !== undefined ? styles[`${side}Side`] : undefined;
  return <td className={classes(styles.number, tint)}>{value}</td>;
}

const SIGNS = { removed: '−', added: '+', changed: '±' } as const;

function CodeCell({ parts, side }: { parts: DiffPart[]; side?: keyof typeof SIGNS }) {
  return (
    <td className={classes(styles.code, side && styles[`${side}Side`])}>
      <span className={styles.sign} aria-hidden="true">
        {side ? SIGNS[side] : ' '}
      </span>
      {parts.map((part, index) => (
        <Part key={index} part={part} />
      ))}
    </td>
  );
}

function Part({ part }: { part: DiffPart }) {
  const text =
    part.text === '' && part.change ? <span className={styles.blank}>（空行）</span> : part.text;
  if (part.change === 'removed') return <del className={styles.del}>{text}</del>;
  if (part.change === 'added') return <ins className={styles.ins}>{text}</ins>;
  return text;
}

function FieldValue({ value, change }: { value?: string; change?: 'removed' | 'added' }) {
  if (value === undefined) {
    return (
      <span className={styles.absent}>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">无</span>
      </span>
    );
  }
  const text = value === '' ? <span className={styles.blank}>（空）</span> : value;
  if (change === 'removed') return <del className={styles.del}>{text}</del>;
  if (change === 'added') return <ins className={styles.ins}>{text}</ins>;
  return text;
}

function classes(...names: (string | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
