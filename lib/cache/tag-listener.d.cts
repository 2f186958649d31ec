import type { TagState } from './tag-state.cjs';

export interface TagListener {
  /** `backendPid`: the Postgres process of the listening connection. */
  status: { connected: boolean; lastSeq: number; connections: number; backendPid: number };
  close(): Promise<void>;
}

export const CHANNEL: string;

export function createTagListener(options: {
  connectionString: string;
  state: TagState;
  log?: (message: string) => void;
  minDelayMs?: number;
  maxDelayMs?: number;
}): TagListener;

/** Starts this process's listener once, on DATABASE_URL; null when it cannot run (no database, or `next build`). */
export function listenForTagExpiries(): TagListener | null;
