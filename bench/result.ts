import type { AdminListResult } from './admin-lists';
import type { AdminTagResult } from './admin-tags';
import type { CrawlResult } from './crawl';
import type { EditorResult } from './editor';
import type { ExplainedQuery } from './explain';
import type { FreshnessResult } from './freshness';
import type { CorpusInfo, ImportResult } from './imports';
import type { PageLoad, ScalePage } from './pages';
import type { RenderAttackResult } from './render-attack';
import type { PageName, Targets } from './targets';
import type { Weight } from './weight';

/** Everything one bench run measured: what latest.json holds. */
export interface BenchResult {
  startedAt: string;
  totalSeconds: number;
  phases: Record<string, number>;
  machine: { cpus: number; cpuModel: string; memoryBytes: number; node: string; postgres?: string };
  options: Record<string, unknown> & { size: string; mainSize: number; connections: number };
  corpus: CorpusInfo;
  import: ImportResult;
  targets: Targets;
  load: PageLoad[];
  scale: { posts: number; clonedSeconds: number; pages: Record<PageName, ScalePage> }[];
  explain: ExplainedQuery[];
  editor: EditorResult;
  /** Save on one instance → fresh page on another (absent from runs before it was measured). */
  freshness?: FreshnessResult;
  /** Readers on `/` while an editor previews each attack body (issue 11); absent from older runs. */
  renderAttack?: RenderAttackResult;
  /** Every article once, cold then warm (issue 15); absent from older runs. */
  crawl?: CrawlResult;
  /** The admin's list views at the largest size (issue 13); absent from older runs. */
  adminLists?: AdminListResult;
  /** The tags page's actions at 10,000 tags (issue 13); absent from older runs. */
  adminTags?: AdminTagResult;
  weight: Weight;
  memory: { atRestBytes: number; afterLoadBytes: number; atEndBytes: number };
  admin: string;
  /** The production server's command line. */
  server: string;
}
