import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { authenticate } from './credentials';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, deviceCookieValue } from './known-device';
import { endSession, findActiveSession, SESSION_LIFETIME_SECONDS, startSession } from './sessions';
import { signInOrigin } from './sign-in-origin';

/** Thrown by the session callback for a revoked or expired session: next-auth then clears the cookie and answers `{}`. */
const SESSION_ENDED = 'session ended';

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // The cookie is renewed while in use; the session row's absolute expiry is what counts.
  session: { strategy: 'jwt', maxAge: SESSION_LIFETIME_SECONDS, updateAge: 15 * 60 },
  pages: { signIn: '/admin/login', error: '/admin/login' },
  providers: [
    CredentialsProvider({
      name: 'email',
      credentials: { email: { label: '邮箱', type: 'email' }, password: { label: '密码', type: 'password' } },
      async authorize(credentials, req) {
        const origin = signInOrigin(req?.headers);
        const { user, deviceId } = await authenticate(credentials, origin);
        (await cookies()).set(DEVICE_COOKIE, deviceCookieValue({ userId: Number(user.id), id: deviceId }), {
          httpOnly: true,
          sameSite: 'lax',
          secure: origin.https || Boolean(process.env.NEXTAUTH_URL?.startsWith('https://')),
          // Only the sign-in request needs it.
          path: '/api/auth/callback',
          maxAge: DEVICE_COOKIE_MAX_AGE,
        });
        return user;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.sid = await startSession(Number(user.id));
      return token;
    },
    // Every read of the session (pages, actions, /api/auth/session) checks its row.
    async session({ token }) {
      let active;
      try {
        active = await findActiveSession(token.sid);
      } catch (error) {
        // A database outage is not a sign-out: next-auth would clear the cookie on a throw.
        console.error('session check failed', error);
        return { expires: new Date().toISOString(), unavailable: true };
      }
      if (!active) throw new Error(SESSION_ENDED);
      const { id, email, name, role } = active.user;
      return { expires: active.expiresAt.toISOString(), sid: active.id, user: { id: String(id), email, name, role } };
    },
  },
  events: {
    async signOut({ token }) {
      await endSession(token?.sid);
    },
  },
  logger: {
    error(code, metadata) {
      if (metadata instanceof Error && metadata.message === SESSION_ENDED) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};
