/**
 * The result: the tracking number, the agency and the due date of a filed complaint (with the
 * status view when it is on the page), or the complaint the citizen supported instead.
 * Loaded when the submission starts, or when one queued earlier may be answered.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../core/format.js';
import type { Locale } from '../../core/config.js';
import { LocalizeController, loadMessages, type TextVariant } from '../../core/localize.js';
import { safeUrl } from '../../core/urls.js';
import type { Filed } from './api.js';
import type { FormHost } from './parts.js';
import { complaintFormStepsMessages } from './steps-messages.js';

export const ready = (locale: Locale, variant?: TextVariant) => loadMessages(complaintFormStepsMessages, locale, variant);

export class Result {
  private readonly text: LocalizeController<typeof complaintFormStepsMessages.source>;

  constructor(private readonly f: FormHost) {
    this.text = new LocalizeController(f, complaintFormStepsMessages, () => f.settings.locale);
  }

  renderFiled(filed: Filed, title: string): TemplateResult {
    const { f, text: t } = this;
    const locale = t.locale;
    const { api, theme, getToken } = f.settings;
    const statusUrl = safeUrl(f.statusUrl?.replace('{id}', encodeURIComponent(filed.id)));
    const points = filed.points?.awarded;
    return html`<div class="done" part="confirmation">
      <h3 id="done" tabindex="-1">${title}</h3>
      <dl class="review">
        <div><dt>${t.t('trackingNumber')}</dt><dd><code>${filed.trackingNumber}</code></dd></div>
        ${filed.agency ? html`<div><dt>${t.t('agency')}</dt><dd>${filed.agency}</dd></div>` : nothing}
        ${filed.dueAt ? html`<div><dt>${t.t('dueAt')}</dt><dd>${formatDate(locale, filed.dueAt)}</dd></div>` : nothing}
      </dl>
      ${points ? html`<p>${t.t('pointsEarned', { points: f.coreTexts.t('points', { count: points }) })}</p>` : nothing}
      ${statusUrl ? html`<p><a class="link" href=${statusUrl}>${t.t('followStatus')}</a></p>` : nothing}
      ${customElements.get('veche-complaint-status') && f.flavor === 'veche'
        ? // The form hands the status its theme: read from the form's data-veche-theme alone, a
          // mode (kids) would stay on the status after the form left it.
          html`<veche-complaint-status
            complaint=${filed.id}
            api=${api ?? nothing}
            locale=${locale}
            theme=${theme ?? nothing}
            .getToken=${getToken}
          ></veche-complaint-status>`
        : nothing}
      <button class="button" type="button" @click=${() => f.startOver()}>${t.t('another')}</button>
    </div>`;
  }

  renderSupported(title: string): TemplateResult {
    const { f, text: t } = this;
    const { complaint, supporters } = f.supported!;
    return html`<div class="done" part="confirmation">
      <h3 id="done" tabindex="-1">${title}</h3>
      <p>${t.t('supportedText', { number: complaint.trackingNumber })} ${t.t('supporters', { count: supporters })}</p>
      <button class="button" type="button" @click=${() => f.startOver()}>${t.t('another')}</button>
    </div>`;
  }
}
