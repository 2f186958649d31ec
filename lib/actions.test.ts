import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Every server action, called directly (not through proxy.ts, which refuses
 * first over HTTP) as anonymous and as an editor: each must refuse on its own,
 * before it reads or writes anything. The database is a recorder that fails on
 * any use but the session lookup, so an action that forgets its check fails here.
 */
type Role = 'anonymous' | 'editor' | 'admin';

const state = vi.hoisted(() => ({ role: 'anonymous' as Role, touched: [] as string[] }));
const USERS = {
  editor: { id: 2, email: 'editor@example.com', name: null, role: 'editor', disabled: false },
  admin: { id: 1, email: 'admin@example.com', name: null, role: 'admin', disabled: false },
} as const;

vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => {
    if (state.role === 'anonymous') return null;
    const { id, email, name, role } = USERS[state.role];
    return { sid: `session-of-${role}`, user: { id: String(id), email, name, role }, expires: new Date(Date.now() + 3600_000).toISOString() };
  },
}));

// unauthorized() and forbidden() as the statuses they stand for.
vi.mock('next/navigation', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/navigation')>()),
  unauthorized: () => {
    throw new Error('refused: 401');
  },
  forbidden: () => {
    throw new Error('refused: 403');
  },
  redirect: (to: string) => {
    throw new Error(`redirect: ${to}`);
  },
}));

/** The reads that establish who is asking; anything else is the action at work. */
const SESSION_READS = new Set(['user.findUnique', 'session.findFirst', 'session.findUnique']);

vi.mock('@/lib/db', async (importOriginal) => {
  const model = (name: string) =>
    new Proxy({}, {
      get: (_, method: string) => async (args: { where?: { id?: number } }) => {
        const call = `${name}.${method}`;
        if (SESSION_READS.has(call)) return Object.values(USERS).find((u) => u.id === args?.where?.id) ?? null;
        state.touched.push(call);
        throw new Error(`database used: ${call}`);
      },
    });
  const db = new Proxy({}, { get: (_, name: string) => model(name) });
  return { ...(await importOriginal<typeof import('@/lib/db')>()), db };
});

const modules = {
  posts: await import('@/lib/posts/actions'),
  tags: await import('@/lib/posts/tag-actions'),
  bulk: await import('@/lib/posts/bulk-actions'),
  settings: await import('@/lib/settings/actions'),
  media: await import('@/lib/media/actions'),
  users: await import('@/lib/users/actions'),
  import: await import('@/lib/import/actions'),
};

/** The role each action needs. A new action must be added here, or the first test fails. */
const REQUIRED: Record<string, 'editor' | 'admin'> = {
  'posts.savePostAction': 'editor',
  'posts.previewAction': 'editor',
  'posts.setStatusAction': 'editor',
  'posts.setTrashedAction': 'editor',
  'posts.deletePostAction': 'admin',
  'posts.restoreRevisionAction': 'editor',
  'tags.termAction': 'editor',
  'tags.suggestTermsAction': 'editor',
  'bulk.bulkPostsAction': 'editor',
  'settings.saveSettingsAction': 'admin',
  'media.uploadImageAction': 'editor',
  'media.deleteImageAction': 'editor',
  'media.listPickerImagesAction': 'editor',
  'users.createUserAction': 'admin',
  'users.updateUserAction': 'admin',
  'import.importAction': 'editor',
};

const actions = Object.entries(modules).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => typeof value === 'function')
    .map(([name, fn]) => ({ key: `${module}.${name}`, fn: fn as (...args: unknown[]) => Promise<unknown> })),
);

function formData() {
  const form = new FormData();
  for (const [key, value] of Object.entries({ postId: '1', id: '1', number: '1', status: 'draft', intent: 'rename', kind: 'tag', tagId: '1', name: 'x', email: 'x@example.com', role: 'admin', password: 'a long enough password' })) {
    form.set(key, value);
  }
  form.append('files', new File(['---\ntitle: x\n---\n'], '2024-01-01-x.md'));
  return form;
}

const argsFor = (fn: (...args: unknown[]) => unknown) => (fn.length === 3 ? ['markdown', '正文', '标题'] : fn.length === 1 ? [formData()] : [{}, formData()]);

async function call(role: Role, fn: (...args: unknown[]) => Promise<unknown>): Promise<string> {
  state.role = role;
  try {
    await fn(...argsFor(fn));
    return 'ran';
  } catch (error) {
    return (error as Error).message;
  }
}

beforeEach(() => {
  state.touched = [];
});

describe('server actions check the session themselves', () => {
  it('every exported action is listed with the role it needs', () => {
    expect(actions.map((a) => a.key).sort()).toEqual(Object.keys(REQUIRED).sort());
  });

  it.each(actions.map((a) => [a.key, a] as const))('%s refuses anonymous callers before using the database', async (_, action) => {
    expect(await call('anonymous', action.fn)).toBe('refused: 401');
    expect(state.touched).toEqual([]);
  });

  it.each(actions.filter((a) => REQUIRED[a.key] === 'admin').map((a) => [a.key, a] as const))('%s refuses editors before using the database', async (_, action) => {
    expect(await call('editor', action.fn)).toBe('refused: 403');
    expect(state.touched).toEqual([]);
  });

  // The harness would notice a missing check: a caller who may run the action gets past it.
  it.each(actions.map((a) => [a.key, a] as const))('%s lets a caller with the role through', async (key, action) => {
    expect(await call(REQUIRED[key] === 'admin' ? 'admin' : 'editor', action.fn)).not.toMatch(/^refused/);
  });
});
