/**
 * Public pages are server-rendered and work without JavaScript: no client
 * component, plain links, a GET search form. So readers get them without Next's
 * runtime and the RSC payload it would hydrate from (which repeats the page's
 * markup), and the CSP can forbid scripts outright.
 */

/**
 * Content that only script shows: React's streaming instructions, or the empty
 * error document Next sends when a page fails after it started (the client then
 * renders the not-found or error page from the payload). Such a page keeps its scripts.
 */
const RUNTIME_INSTRUCTION = /\$R[CSX]\(|<template\b|id="__next_error__"/;

export function needsRuntime(html: string): boolean {
  return RUNTIME_INSTRUCTION.test(html);
}

/** The index just past the tag closing the one opened before `from`, counting nested `open`/`close` pairs. */
function matchingClose(html: string, from: number, open: RegExp, close: string): number {
  const pattern = new RegExp(`${open.source}|${close.replace(/[$?/]/g, '\\$&')}`, 'g');
  pattern.lastIndex = from;
  let depth = 1;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    depth += m[0] === close ? -1 : 1;
    if (depth === 0) return m.index + close.length;
  }
  return -1;
}

/**
 * Does on the server what React's `$RC(boundary, segment)` does in the browser
 * for content streamed after the shell (the search results): moves the hidden
 * segment into its Suspense boundary in place of the fallback. The whole
 * response is at hand here, so nothing has to wait for script. Returns null when
 * the page holds something else only script can resolve.
 */
export function revealStreamedContent(html: string): string | null {
  let out = html;
  for (const [call, boundary, segment] of html.matchAll(/\$RC\("(B:\d+)","(S:\d+)"\)/g)) {
    const segmentOpen = `<div hidden id="${segment}">`;
    const segmentAt = out.indexOf(segmentOpen);
    const boundaryOpen = `<!--$?--><template id="${boundary}"></template>`;
    const boundaryAt = out.indexOf(boundaryOpen);
    if (segmentAt === -1 || boundaryAt === -1 || segmentAt < boundaryAt) return null;
    const segmentEnd = matchingClose(out, segmentAt + segmentOpen.length, /<div\b/, '</div>');
    const boundaryEnd = matchingClose(out, boundaryAt + boundaryOpen.length, /<!--\$[?!]?-->/, '<!--/$-->');
    if (segmentEnd === -1 || boundaryEnd === -1 || boundaryEnd > segmentAt) return null;
    const content = out.slice(segmentAt + segmentOpen.length, segmentEnd - '</div>'.length);
    out = out.slice(0, boundaryAt) + `<!--$-->${content}<!--/$-->` + out.slice(boundaryEnd, segmentAt) + out.slice(segmentEnd);
    out = out.replace(call, '');
  }
  return needsRuntime(out.replace(SCRIPT, '')) ? null : out;
}

const SCRIPT = /<script\b(?![^>]*\btype="application\/ld\+json")[^>]*>[\s\S]*?<\/script>/g;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")(?=[^>]*\bas="script"|[^>]*\brel="modulepreload")[^>]*\/?>/g;
const NONCE = / nonce="[^"]*"/g;

/** The page without executable scripts, their preloads, or nonces (JSON-LD stays: it is data). */
export function stripScripts(html: string): string {
  return html.replace(SCRIPT, '').replace(SCRIPT_PRELOAD, '').replace(NONCE, '');
}
