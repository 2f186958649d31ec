'use client';

import { useEffect, useRef, type RefObject } from 'react';

export const LEAVE_MESSAGE = '有未保存的修改，离开后会丢失（已自动保存的部分下次打开时可恢复）。确定离开？';

/** A click that would take the browser to another page, not one that opens a tab or stays on this one. */
function leavesPage(anchor: HTMLAnchorElement, event: MouseEvent): boolean {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (anchor.target && anchor.target !== '_self') return false;
  if (anchor.hasAttribute('download')) return false;
  const to = new URL(anchor.href, location.href);
  return to.origin !== location.origin || to.pathname !== location.pathname || to.search !== location.search;
}

/**
 * Asks before any way out of a dirty editor: reload and closing the tab
 * (beforeunload), links and sign-out in the admin shell (clicks caught in the
 * capture phase, before Next's Link sees them), other forms on the page (publish,
 * trash), and Back/Forward (a guard history entry whose popstate is caught before
 * the router's). Next's App Router has no documented route-change event to veto.
 * Parts of `own` (the editor's form) handle their own clicks.
 */
export function useLeaveGuard(dirty: boolean, own: RefObject<HTMLElement | null>) {
  const dirtyRef = useRef(dirty);
  const armed = useRef(false);

  useEffect(() => {
    dirtyRef.current = dirty;
    // One extra entry for the current page: Back lands on it first, so the router
    // is asked only after the editor agrees.
    if (dirty && !armed.current) {
      history.pushState(history.state, '', location.href);
      armed.current = true;
    }
  }, [dirty]);

  useEffect(() => {
    let leaving = false;
    const ask = () => !dirtyRef.current || leaving || confirm(LEAVE_MESSAGE);

    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirtyRef.current && !leaving) event.preventDefault();
    };
    const onClick = (event: MouseEvent) => {
      if (!dirtyRef.current || !(event.target instanceof Element) || own.current?.contains(event.target)) return;
      const anchor = event.target.closest('a[href]');
      const guarded = event.target.closest('[data-guard-leave]');
      if (!guarded && !(anchor instanceof HTMLAnchorElement && leavesPage(anchor, event))) return;
      if (ask()) {
        leaving = true;
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    };
    const onSubmit = (event: SubmitEvent) => {
      if (!dirtyRef.current || !(event.target instanceof HTMLFormElement) || own.current?.contains(event.target)) return;
      if (ask()) return;
      event.preventDefault();
      event.stopPropagation();
    };
    const onPopState = (event: PopStateEvent) => {
      if (!armed.current || leaving) return;
      // Landed on the page's own entry (the guard entry was left): the router need not move.
      armed.current = false;
      event.stopImmediatePropagation();
      if (!dirtyRef.current || confirm(LEAVE_MESSAGE)) {
        leaving = true;
        history.back();
      } else {
        history.pushState(history.state, '', location.href);
        armed.current = true;
      }
    };
    const onPageShow = () => {
      leaving = false;
    };

    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, { capture: true });
    document.addEventListener('submit', onSubmit, { capture: true });
    // Capture listeners at the target run before Next's own popstate listener.
    window.addEventListener('popstate', onPopState, { capture: true });
    window.addEventListener('pageshow', onPageShow);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, { capture: true });
      document.removeEventListener('submit', onSubmit, { capture: true });
      window.removeEventListener('popstate', onPopState, { capture: true });
      window.removeEventListener('pageshow', onPageShow);
    };
  }, [own]);
}
