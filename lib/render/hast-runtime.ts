import type { Element, ElementContent, Properties, Root } from 'hast';

/**
 * A JSX runtime that builds a hast tree instead of React elements, so compiled
 * MDX renders to HTML on the server without react-dom/server, and the result
 * goes through the same sanitiser as every other body.
 */
export const Fragment = Symbol.for('hast.fragment');

type Node = Root | Element;
type Component = (props: Record<string, unknown>) => Node;

function isNode(value: unknown): value is Node | ElementContent {
  return typeof value === 'object' && value !== null && 'type' in value && typeof (value as { type: unknown }).type === 'string';
}

function toChildren(value: unknown): ElementContent[] {
  if (value === null || value === undefined || typeof value === 'boolean') return [];
  if (Array.isArray(value)) return value.flatMap(toChildren);
  if (typeof value === 'string' || typeof value === 'number') return [{ type: 'text', value: String(value) }];
  if (isNode(value)) return value.type === 'root' ? (value.children as ElementContent[]) : [value as ElementContent];
  return [];
}

function toProperties(props: Record<string, unknown>): Properties {
  const properties: Properties = {};
  for (const [key, value] of Object.entries(props)) {
    // Only plain values: style objects, functions and the like never reach the HTML.
    if (['string', 'number', 'boolean'].includes(typeof value)) properties[key] = value as string | number | boolean;
  }
  return properties;
}

export function jsx(type: string | symbol | Component, props: Record<string, unknown> = {}): Node {
  const { children, ...rest } = props;
  if (type === Fragment) return { type: 'root', children: toChildren(children) as Root['children'] };
  if (typeof type === 'function') return type(props);
  return { type: 'element', tagName: String(type), properties: toProperties(rest), children: toChildren(children) };
}

export const jsxs = jsx;
export const jsxDEV = jsx;
