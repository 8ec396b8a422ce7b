import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

type CssPropValues = Record<string, string | number | null | undefined>;

/**
 * Sets CSS custom properties on an element through the CSSOM:
 * `<div class="bar" ${cssProps({ '--_share': '42%' })}>`.
 *
 * A strict Content-Security-Policy forbids `style=""` attributes, and Lit's `styleMap` writes
 * one on first render; `style.setProperty` is always allowed. Only custom properties are
 * meant here: the widget's stylesheet decides what they do.
 */
class CssPropsDirective extends Directive {
  private applied = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProps() belongs on an element: <div ${cssProps({...})}>');
  }

  render(_values: CssPropValues): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [values]: [CssPropValues]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(values)) {
      if (value === null || value === undefined) continue;
      style.setProperty(name, String(value));
      next.add(name);
    }
    for (const name of this.applied) if (!next.has(name)) style.removeProperty(name);
    this.applied = next;
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
