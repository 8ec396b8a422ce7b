/**
 * A minimal widget built only from core, used by the core tests the way a real widget uses
 * core: it resolves its configuration, renders texts and a native button, and calls the API.
 */
import { html } from 'lit';
import { css } from 'lit';
import { ApiError } from '../../../src/core/problem.js';
import { baseStyles } from '../../../src/core/styles.js';
import { cssProps } from '../../../src/core/css-props.js';
import { VecheElement } from '../../../src/core/veche-element.js';
import { defineElement } from '../../../src/core/define.js';

export class VecheTestWidget extends VecheElement {
  static override styles = [
    baseStyles,
    css`
      .track {
        inline-size: 200px;
      }
      .bar {
        inline-size: var(--_share, 0%);
        block-size: 8px;
        background: var(--_primary);
      }
    `,
  ];

  result = '';
  share = 0.25;
  signInShown = false;
  error: unknown;

  /** Loads `/me` the way widgets load data, with the standard error handling. */
  async load(): Promise<void> {
    try {
      this.result = JSON.stringify(await this.client!.get('/me'));
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'auth') this.signInShown = this.requireSignIn('load');
      else {
        this.error = error;
        this.reportError(error);
      }
    }
    this.requestUpdate();
    await this.updateComplete;
  }

  protected override render() {
    if (this.misconfigured) return this.renderConfigError();
    if (this.signInShown) return this.renderSignIn();
    if (this.error) return this.renderError(this.error, () => void this.load());
    const { api, locale, theme, loginUrl } = this.config.value;
    return html`<section part="base" lang=${locale}>
      <p id="api">${api}</p>
      <p id="locale">${locale}</p>
      <p id="theme">${theme ?? ''}</p>
      <p id="login">${loginUrl ?? ''}</p>
      <p id="points">${this.coreText.t('points', { count: 5 })}</p>
      <div class="track"><div class="bar" ${cssProps({ '--_share': `${this.share * 100}%` })}></div></div>
      <button class="button primary" type="button">${this.coreText.t('retry')}</button>
    </section>`;
  }

  /** Exposed for tests: the configured client. */
  get apiClient() {
    return this.client;
  }

  say(message: string, options?: { assertive?: boolean }) {
    this.announcer.announce(message, options);
  }
}

defineElement('veche-test-widget', VecheTestWidget);

declare global {
  interface HTMLElementTagNameMap {
    'veche-test-widget': VecheTestWidget;
  }
}
