import type { TagState } from '../tag-state.cjs';

/** The parts of Next's incremental-cache context that the handler reads. */
export interface IncrementalContext {
  tags?: string[];
  softTags?: string[];
  cacheControl?: unknown;
}

/** A route cache value as Next hands it over: `kind` plus whatever that kind holds. */
export type IncrementalValue = ({ kind: string; status?: number; headers?: Record<string, unknown> } & Record<string, unknown>) | null;

export interface IncrementalHandler {
  get(key: string, ctx?: IncrementalContext): Promise<{ lastModified: number; value: IncrementalValue; cacheControl?: unknown } | null>;
  set(key: string, data: IncrementalValue, ctx?: IncrementalContext): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}

export function createIncrementalHandler(state: TagState, options?: { maxBytes?: number }): new (options?: unknown) => IncrementalHandler;
export function approximateBytes(value: unknown): number;
