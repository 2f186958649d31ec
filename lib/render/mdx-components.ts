import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';

/** The components an MDX body may use, as static markup: nothing here runs in a reader's browser. */
export const CALLOUT_TYPES = ['info', 'tip', 'warning', 'danger'] as const;

type Props = Record<string, unknown> & { children?: unknown };

const children = (props: Props) => props.children as ElementContent | ElementContent[] | undefined;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const dimension = (value: unknown) => (typeof value === 'string' && /^\d{1,5}$/.test(value) ? Number(value) : undefined);

function Callout(props: Props): Element {
  const type = CALLOUT_TYPES.find((t) => t === props.type) ?? 'info';
  const title = text(props.title);
  return h('aside', { className: ['callout', `callout-${type}`], role: 'note' }, [
    ...(title ? [h('p', { className: ['callout-title'] }, title)] : []),
    ...([] as ElementContent[]).concat(children(props) ?? []),
  ]);
}

function Figure(props: Props): Element {
  const caption = text(props.caption);
  return h('figure', [
    // Known dimensions reserve the image's box before it loads (no layout shift).
    h('img', { src: text(props.src), alt: text(props.alt) ?? '', width: dimension(props.width), height: dimension(props.height) }),
    ...(caption ? [h('figcaption', caption)] : []),
  ]);
}

export const mdxComponents = { Callout, Figure };
export const MDX_COMPONENT_NAMES = Object.keys(mdxComponents);
