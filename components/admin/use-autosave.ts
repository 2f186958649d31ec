'use client';

import { useEffect, useRef, useState } from 'react';
import { autosaveAction } from '@/lib/autosave/actions';
import type { AutosavedFields } from '@/lib/validations/autosave';

/** How often the editor's state goes to the server while it changes. */
export const AUTOSAVE_INTERVAL_MS = 3000;
const MAX_BACKOFF_MS = 30_000;

interface AutosaveOptions {
  postId: number | null;
  /** The version the edits are based on. */
  version: number;
  dirty: boolean;
  /** Grows with every edit. */
  changes: number;
  /** The editor's fields now. */
  read: () => AutosavedFields;
}

export interface AutosaveStatus {
  autosaving: boolean;
  /** The last autosave that reached the server since the last change was saved. */
  autosavedAt: Date | null;
  /** The last attempt failed (network or server gone): retried with growing pauses, and when the browser is back online. */
  offline: boolean;
  error?: string;
}

/** A framework signal (redirect, 401, 403) rather than a failed request: let Next handle it. */
export function isNavigationSignal(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && digest.startsWith('NEXT_');
}

/**
 * Keeps the editor's whole state on the server every few seconds while it
 * changes (a per-user, per-post autosave, not a revision).
 */
export function useAutosave(options: AutosaveOptions): AutosaveStatus {
  const latest = useRef(options);
  const [status, setStatus] = useState<AutosaveStatus>({ autosaving: false, autosavedAt: null, offline: false });
  useEffect(() => {
    latest.current = options;
  });
  // A real save makes earlier autosaves moot.
  if (!options.dirty && (status.autosavedAt || status.offline)) setStatus({ ...status, autosavedAt: null, offline: false });

  useEffect(() => {
    let sentChanges = latest.current.changes;
    let inFlight = false;
    let failures = 0;
    let nextAttempt = 0;
    const tick = async () => {
      const { dirty, changes, postId, version, read } = latest.current;
      if (!dirty || changes === sentChanges || inFlight || Date.now() < nextAttempt) return;
      inFlight = true;
      setStatus((s) => ({ ...s, autosaving: true }));
      try {
        const result = await autosaveAction({ postId, baseVersion: version, fields: read() });
        failures = 0;
        if (result.ok) sentChanges = changes;
        else nextAttempt = Number.POSITIVE_INFINITY;
        setStatus(
          result.ok
            ? { autosaving: false, offline: false, autosavedAt: latest.current.dirty ? new Date(result.savedAt) : null }
            : { autosaving: false, offline: false, autosavedAt: null, error: result.error },
        );
      } catch (error) {
        if (isNavigationSignal(error)) throw error;
        failures += 1;
        nextAttempt = Date.now() + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures);
        setStatus((s) => ({ ...s, autosaving: false, offline: true }));
      } finally {
        inFlight = false;
      }
    };
    const timer = setInterval(() => void tick(), AUTOSAVE_INTERVAL_MS);
    const online = () => {
      nextAttempt = 0;
      void tick();
    };
    window.addEventListener('online', online);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', online);
    };
  }, []);

  return status;
}
