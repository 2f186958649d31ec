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

const SCRIPT = /<script\b(?![^>]*\btype="application\/ld\+json")[^>]*>[\s\S]*?<\/script>/g;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")(?=[^>]*\bas="script"|[^>]*\brel="modulepreload")[^>]*\/?>/g;
const NONCE = / nonce="[^"]*"/g;

/** The page without executable scripts, their preloads, or nonces (JSON-LD stays: it is data). */
export function stripScripts(html: string): string {
  return html.replace(SCRIPT, '').replace(SCRIPT_PRELOAD, '').replace(NONCE, '');
}
