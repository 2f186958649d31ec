/** From Next's thread to the web server's thread (front-worker.ts). */
export type ToFront =
  /** The invalidation version grew. */
  | { version: number }
  /** Answer to a sync: every version before this message has been sent. */
  | { synced: number; version: number }
  | { ready: true }
  | { close: true };

/** From the web server's thread to Next's. */
export type FromFront = { listening: true } | { sync: number };
