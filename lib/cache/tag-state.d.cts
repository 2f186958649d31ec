export interface TagState {
  /** Expires these tags as of now (this process's clock). */
  expire(tags: string[]): void;
  /** Everything cached before now is out of date. */
  expireAll(): void;
  /** The latest expiry among these tags (and the floor), 0 when none. */
  expiration(tags: string[]): number;
  /** True when an entry made at `timestamp` with these tags was made before one of them expired. */
  isExpired(tags: string[], timestamp: number): boolean;
  /** Grows by one on every expiry applied in this process. */
  version(): number;
  /** Calls `listener(tags)` after every expiry; returns the unsubscribe function. */
  subscribe(listener: (tags: string[]) => void): () => void;
}

/** A state of its own (tests use one per simulated instance). */
export function createTagState(): TagState;
/** The process's one state, shared through globalThis. */
export function tagState(): TagState;
/** Increases whenever any cache tag expires in this process. */
export function invalidationVersion(): number;
/** The clock Next stamps cache entries with (ms). */
export function now(): number;
/** The spelling Next hands cache handlers: runs outside printable ASCII percent-encoded. */
export function canonicalTag(tag: string): string;
