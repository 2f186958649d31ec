import YAML from 'yaml';
import { formatOffset, wallClock } from '@/lib/dates/offset-date';
import type { PostSnapshot } from '@/lib/validations/post';
import type { PostFormInput } from '@/lib/validations/post-form';

const pad = (n: number) => String(n).padStart(2, '0');

/** A snapshot as the editor's field values (all strings), the inverse of snapshotFromForm. */
export function formValuesOf(snapshot: PostSnapshot): PostFormInput {
  const t = wallClock({ instant: snapshot.publishedAt, offsetMinutes: snapshot.utcOffset });
  return {
    title: snapshot.title,
    slug: snapshot.slug,
    date: `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`,
    utcOffset: formatOffset(snapshot.utcOffset),
    description: snapshot.description ?? '',
    keywords: snapshot.keywords ?? '',
    tags: snapshot.tags.join(', '),
    categories: snapshot.categories.join(', '),
    coverImage: snapshot.coverImage ?? '',
    coverAlt: snapshot.coverAlt ?? '',
    featuredImage: snapshot.featuredImage ?? '',
    featuredImagePreview: snapshot.featuredImagePreview ?? '',
    sourceUrl: snapshot.sourceUrl ?? '',
    status: snapshot.status,
    format: snapshot.format,
    body: snapshot.body,
    extra: Object.keys(snapshot.extra).length ? YAML.stringify(snapshot.extra, { lineWidth: 0 }) : '',
    message: '',
  };
}

/** A blank post for the "new post" editor: now, in China Standard Time, as a draft. */
export function newPostValues(now = new Date()): PostFormInput {
  return formValuesOf({
    slug: '',
    title: '',
    description: null,
    keywords: null,
    publishedAt: now,
    utcOffset: 480,
    status: 'draft',
    format: 'markdown',
    body: '',
    sourceId: null,
    sourceUrl: null,
    coverImage: null,
    coverAlt: null,
    featuredImage: null,
    featuredImagePreview: null,
    tags: [],
    categories: [],
    extra: {},
  });
}
