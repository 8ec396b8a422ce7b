/**
 * A story-only element built from core alone, the way every widget is: it loads the signed-in
 * citizen (`GET /me`) through the core API client with @lit/task, and shows core's shared
 * states on the way — loading skeleton, sign-in call to action, backend error with retry, and
 * the configuration error. Not part of the kit: it lives with the stories.
 */
import { Task } from '@lit/task';
import { css, html } from 'lit';
import type { components } from '../../src/core/api-schema.js';
import { defineMessages, LocalizeController } from '../../src/core/localize.js';
import { ApiError } from '../../src/core/problem.js';
import { baseStyles } from '../../src/core/styles.js';
import { VecheElement } from '../../src/core/veche-element.js';

type Me = components['schemas']['Me'];

const ru = { signedInAs: 'Вы вошли как {name}' };
const storyMessages = defineMessages('story-citizen', ru, {
  en: () => Promise.resolve({ default: { signedInAs: 'Signed in as {name}' } }),
  tt: () => Promise.resolve({ default: { signedInAs: 'Сез {name} буларак кердегез' } }),
});

export class VecheStoryCitizen extends VecheElement {
  static override styles = [
    ...baseStyles,
    css`
      .loading {
        display: grid;
        gap: 0.5em;
        padding: var(--_gap);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .skeleton {
        block-size: 1.25em;
      }
      .skeleton.short {
        inline-size: 40%;
      }
    `,
  ];

  private readonly text = new LocalizeController(this, storyMessages, () => this.config.value.locale);
  private signInShown = false;

  private readonly me = new Task(this, {
    task: async ([client], { signal }) => {
      if (!client) return undefined;
      try {
        return await client.get<Me>('/me', { signal });
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'auth') {
          this.signInShown = this.requireSignIn('view-profile');
          return undefined;
        }
        if (!(error instanceof ApiError && error.kind === 'aborted')) this.reportError(error);
        throw error;
      }
    },
    args: () => [this.client] as const,
  });

  protected override render() {
    if (this.misconfigured) return this.renderConfigError();
    if (this.signInShown) return this.renderSignIn();
    return this.me.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      error: (error) => this.renderError(error, () => void this.me.run()),
      complete: (me) => html`<p class="status" part="status">${me ? this.text.t('signedInAs', { name: me.displayName }) : ''}</p>`,
    });
  }

  /** Space reserved at the final size, so the host page does not shift when data arrives. */
  private renderLoading() {
    return html`<div class="loading" part="status" aria-busy="true">
      <span class="visually-hidden">${this.coreText.t('loading')}</span>
      <div class="skeleton"></div>
      <div class="skeleton short"></div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'veche-story-citizen': VecheStoryCitizen;
  }
}
