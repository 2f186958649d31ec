import type { CacheHandler } from 'next/cache';
import type { TagState } from '../tag-state.cjs';

export const DEFAULT_MAX_BYTES: number;
export function createUseCacheHandler(state: TagState, options?: { maxBytes?: number; log?: (message: string) => void }): CacheHandler;
