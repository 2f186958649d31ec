'use client';

import { useSyncExternalStore, type ComponentProps } from 'react';

const never = () => () => {};

/** False in the server's HTML and during hydration, true once React runs the page's handlers. */
export const useHydrated = () =>
  useSyncExternalStore(
    never,
    () => true,
    () => false,
  );

/**
 * A button whose work is done by a handler: disabled until the page is hydrated, so a click
 * that comes too early is not lost, and a form with a client-side check is never sent without it.
 */
export function ClientButton({ disabled, ...props }: ComponentProps<'button'>) {
  const hydrated = useHydrated();
  return <button {...props} disabled={!hydrated || disabled} />;
}
