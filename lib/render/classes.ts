import type { Element } from 'hast';

/** An element's classes, whether hast holds them as a list or (after the JSX round trip) as one string. */
export function classesOf(node: Element): string[] {
  return ([] as unknown[])
    .concat(node.properties.className ?? [])
    .flatMap((value) => String(value).split(/\s+/))
    .filter(Boolean);
}
