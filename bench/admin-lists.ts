// Issue 13: the admin's list views at the largest size, as a signed-in editor opens them.
import { signIn } from './editor';
import { percentile } from './stats';
import type { Verdict } from './verdicts';

export interface AdminListView {
  name: string;
  path: string;
  p50: number;
  p95: number;
  /** Answers other than 200. */
  errors: number;
}

export interface AdminListResult {
  posts: number;
  requests: number;
  views: AdminListView[];
}

/** What an editor does with the post list and the tags page: the default list, search, filters, sorts, a far page. */
function views(targets: { searchTerm: string; tag: string }): { name: string; path: string }[] {
  const q = encodeURIComponent(targets.searchTerm);
  const tag = encodeURIComponent(targets.tag);
  return [
    { name: 'post list', path: '/admin' },
    { name: 'search (title and body)', path: `/admin?q=${q}` },
    { name: 'filter by tag, sorted by title (pinyin)', path: `/admin?tag=${tag}&sort=title` },
    { name: 'drafts, sorted by publish date', path: '/admin?status=draft&sort=published' },
    { name: 'page 1,000', path: '/admin?page=1000' },
    { name: 'tags page', path: '/admin/tags' },
    { name: 'tags page, searched', path: `/admin/tags?q=${tag}` },
  ];
}

/** Each view requested one after another (an editor waits for each page), after two warm-up requests. */
export async function measureAdminLists(options: { origin: string; posts: number; requests?: number; targets: { searchTerm: string; tag: string } }): Promise<AdminListResult> {
  const cookie = await signIn(options.origin);
  const requests = options.requests ?? 20;
  const result: AdminListView[] = [];
  for (const { name, path } of views(options.targets)) {
    const samples: number[] = [];
    let errors = 0;
    for (let i = 0; i < requests + 2; i++) {
      const started = performance.now();
      const response = await fetch(`${options.origin}${path}`, { headers: { cookie }, redirect: 'manual' });
      await response.arrayBuffer();
      if (i >= 2) samples.push(performance.now() - started);
      if (response.status !== 200) errors++;
    }
    const round = (n: number) => Math.round(n * 10) / 10;
    result.push({ name, path, p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), errors });
  }
  return { posts: options.posts, requests, views: result };
}

/** Issue 13: each list view of the admin ≤ 200 ms p95 at 100,000 posts. */
export function adminListVerdict(lists: AdminListResult): Verdict {
  const worst = lists.views.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const met = worst.p95 <= 200 && lists.views.every((v) => v.errors === 0);
  return {
    target: `each admin list view ≤ 200 ms p95 at ${lists.posts.toLocaleString('en')} posts`,
    measured: `worst: ${worst.name} p95 ${worst.p95.toFixed(0)} ms; ${lists.views.map((v) => `${v.name} ${v.p95.toFixed(0)}`).join(', ')}`,
    met,
    why: met
      ? undefined
      : 'The slowest view is named. The post list counts at most 5,000 matches (the planner estimates past them), reads a page by number through the sort index (deleted_at included) and its neighbours from the page edge, and ranks at most the 1,000 most recently updated matches of a search (lib/posts/admin-list.ts); what is left is Next rendering each admin page per request on 2 shared cores.',
  };
}
