import type { APIRequestContext } from '@playwright/test';

/**
 * Signs in through next-auth's credentials endpoint, as the login form does.
 * Returns null on success, or the error the form would show.
 */
export async function signInByApi(request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}): Promise<string | null> {
  const { csrfToken } = (await (await request.get('/api/auth/csrf', { headers })).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    headers,
    form: { csrfToken, email, password, json: 'true' },
    maxRedirects: 0,
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get('error');
}

/** Signs out through next-auth's endpoint, as the sign-out button does. */
export async function signOutByApi(request: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await request.post('/api/auth/signout', { form: { csrfToken, json: 'true' }, maxRedirects: 0 });
}

/** The session cookie a thief would copy. */
export async function sessionCookie(request: APIRequestContext) {
  const cookie = (await request.storageState()).cookies.find((c) => c.name.endsWith('next-auth.session-token'));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}
