import { describe, expect, it, vi } from 'vitest';
import { authOptions } from './options';

vi.mock('./sessions', () => ({
  SESSION_LIFETIME_SECONDS: 8 * 60 * 60,
  findActiveSession: () => Promise.reject(new Error('connect ECONNREFUSED')),
  startSession: vi.fn(),
  endSession: vi.fn(),
}));

describe('the session check during a database outage', () => {
  it('answers "unavailable" rather than throwing, which would make next-auth clear the cookie', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { session } = authOptions.callbacks as Required<NonNullable<typeof authOptions.callbacks>>;
    await expect(session({ session: { expires: '', user: {} }, token: { sid: 'some session' } } as never)).resolves.toMatchObject({ unavailable: true });
  });
});
