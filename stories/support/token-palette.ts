/**
 * A story-only element showing the colours a widget actually receives in the current theme:
 * each system role as core reads it (through its fallback chain), with the value it resolves
 * to, and the reference palette the city preset declares.
 */
import { css, html, unsafeCSS, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { baseStyles } from '../../src/core/styles.js';
import { VecheElement } from '../../src/core/veche-element.js';

/** System roles, as core's private variables in src/core/styles.ts. */
const ROLES = [
  'primary',
  'primary-strong',
  'on-primary',
  'surface',
  'surface-alt',
  'text',
  'text-muted',
  'border',
  'danger',
  'success',
  'warning-surface',
  'focus',
  'focus-outline',
  'skeleton-edge',
];
const REFERENCE = [
  ...[100, 200, 300, 400, 600, 700, 800, 900].map((step) => `primary-${step}`),
  ...[0, 50, 100, 300, 500, 600, 700, 800, 900, 950].map((step) => `neutral-${step}`),
  'accent-300',
];

// One class per swatch instead of inline styles, which a strict CSP would block.
const swatchStyles = unsafeCSS(
  [
    ...ROLES.map((role) => `.role-${role} { background: var(--_${role}); }`),
    ...REFERENCE.map((ref) => `.ref-${ref} { background: var(--veche-ref-${ref}, transparent); }`),
  ].join('\n'),
);

function toHex(colour: string): string {
  const [r, g, b, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
  if (r === undefined || g === undefined || b === undefined || a === 0) return '';
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

export class VecheStoryTokens extends VecheElement {
  static override styles = [
    ...baseStyles,
    css`
      h2 {
        margin: 0 0 0.5em;
        font-size: 1.25em;
      }
      ul {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11em, 1fr));
        gap: 0.75em;
        margin: 0 0 1.5em;
        padding: 0;
        list-style: none;
      }
      li {
        display: grid;
        grid-template-columns: 2.5em 1fr;
        gap: 0.25em 0.75em;
        align-items: center;
      }
      .swatch {
        grid-row: span 2;
        block-size: 2.5em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      code {
        font-size: 0.875em;
        color: var(--_text-muted);
      }
      .sample {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75em;
        align-items: center;
      }
    `,
    swatchStyles,
  ];

  protected override needsBackend = false;

  @state() private resolved: Record<string, string> = {};

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const resolved: Record<string, string> = {};
    for (const swatch of this.renderRoot.querySelectorAll<HTMLElement>('.swatch')) {
      resolved[swatch.dataset.token!] = toHex(getComputedStyle(swatch).backgroundColor);
    }
    if (JSON.stringify(resolved) !== JSON.stringify(this.resolved)) this.resolved = resolved;
  }

  private renderSwatches(tokens: string[], prefix: 'role' | 'ref', variable: (token: string) => string) {
    return html`<ul>
      ${tokens.map(
        (token) => html`<li>
          <span class="swatch ${prefix}-${token}" data-token="${prefix}-${token}"></span>
          <code>${variable(token)}</code>
          <span>${this.resolved[`${prefix}-${token}`] || '—'}</span>
        </li>`,
      )}
    </ul>`;
  }

  protected override render() {
    return html`<section part="base">
      <h2>System roles</h2>
      ${this.renderSwatches(ROLES, 'role', (role) => `--veche-color-${role}`)}
      <h2>Reference palette</h2>
      ${this.renderSwatches(REFERENCE, 'ref', (ref) => `--veche-ref-${ref}`)}
      <h2>In use</h2>
      <div class="sample">
        <button class="button primary" type="button">${this.coreText.t('signInAction')}</button>
        <button class="button" type="button">${this.coreText.t('retry')}</button>
        <a class="link" href="#tokens">${this.coreText.t('errorNotFound')}</a>
        <span class="field-error">${this.coreText.t('errorValidation')}</span>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'veche-story-tokens': VecheStoryTokens;
  }
}
