export interface SharedTags {
  state: { connected: boolean; version: number };
  update(tags: string[], durations?: { expire?: number }): Promise<boolean>;
  isExpired(tags: string[], timestamp: number): boolean;
  isStale(tags: string[], timestamp: number): boolean;
  expiration(tags: string[]): number;
  close(): Promise<unknown>;
}

export function sharedTags(): SharedTags | null;

/** A separate connection with its own mirror (tests use two, as two instances). */
export function createSharedTags(url: string): SharedTags;
