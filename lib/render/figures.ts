import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const blank = (node: Element['children'][number]) => node.type === 'text' && !node.value.trim();

/**
 * A paragraph holding only an image (linked or not) becomes a figure, captioned
 * with the image's alt text when it has one: the caption stays readable when a
 * remote image never loads.
 */
export function imagesAsFigures(tree: Root): void {
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'p' || !parent || index === undefined) return;
    const content = node.children.filter((child) => !blank(child));
    const only = content.length === 1 && content[0]!.type === 'element' ? content[0] : undefined;
    const inner = only?.tagName === 'a' && only.children.length === 1 ? only.children[0] : only;
    const image = inner?.type === 'element' && inner.tagName === 'img' ? inner : undefined;
    if (!only || !image) return;
    const alt = String(image.properties.alt ?? '').trim();
    const caption: Element[] = alt
      ? [
          {
            type: 'element',
            tagName: 'figcaption',
            properties: {},
            children: [{ type: 'text', value: alt }],
          },
        ]
      : [];
    parent.children[index] = {
      type: 'element',
      tagName: 'figure',
      properties: {},
      children: [only, ...caption],
    };
  });
}
