import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyDeclarations } from 'lit';
import { mergeConfig, normalize, type TokenGetter } from './config.js';
import { configContext, consumeProvidedConfig, type ProvidedConfig } from './context.js';

/**
 * Shares configuration with every Veche widget inside it, so a page section (or a whole
 * portal) sets the backend, locale, theme and sign-in once. Widgets' own attributes still win.
 *
 * @summary Configuration for the Veche widgets inside it.
 * @tag veche-provider
 * @status stable
 * @since 0.1
 * @slot - Widgets and any other content.
 */
export class VecheProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties: PropertyDeclarations = {
    api: {},
    locale: {},
    theme: {},
    loginUrl: { attribute: 'login-url' },
    privacyUrl: { attribute: 'privacy-url' },
    getToken: { attribute: false },
  };

  /** Backend base URL for the widgets inside. */
  api?: string;
  /** `ru`, `en` or `tt`. */
  locale?: string;
  /** Space-separated theme names, e.g. `kazan dark`. */
  theme?: string;
  /** The portal's sign-in page, used by sign-in calls to action. */
  loginUrl?: string;
  /** The personal-data processing policy. */
  privacyUrl?: string;
  /** Returns a bearer token for the backend (property only). */
  getToken?: TokenGetter;

  private parent?: ProvidedConfig;
  private readonly provider = new ContextProvider(this, { context: configContext });

  constructor() {
    super();
    // Providers nest: an inner one overrides only what it sets.
    consumeProvidedConfig(this, (value) => {
      this.parent = value;
      this.requestUpdate();
    });
  }

  protected override willUpdate(): void {
    const own = normalize({
      api: this.api,
      locale: this.locale,
      theme: this.theme,
      loginUrl: this.loginUrl,
      privacyUrl: this.privacyUrl,
      getToken: this.getToken,
    });
    const value: ProvidedConfig = {
      config: mergeConfig(own.config, this.parent?.config),
      problems: [...own.problems, ...(this.parent?.problems ?? []).filter((p) => !own.problems.some((o) => o.key === p.key))],
      source: '<veche-provider>',
    };
    this.provider.setValue(value, true);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
