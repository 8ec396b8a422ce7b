/**
 * The steps after the category — details (the category's own questions and the description),
 * location (address, "use my location", the optional map), photos, review with the duplicate
 * check — and the queued view. Loaded while the citizen is on the first step (prefetched when
 * the categories arrive), or at once when a restored draft or a queued complaint needs it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatDateTime, formatNumber } from '../../core/format.js';
import { adoptStyles } from '../../core/adopt-styles.js';
import type { Locale } from '../../core/config.js';
import { LocalizeController, loadMessages, type TextVariant } from '../../core/localize.js';
import { ApiError } from '../../core/problem.js';
import { safeUrl } from '../../core/urls.js';
import { fetchNearby, supportComplaint, type GeoPoint, type NearbyComplaint } from './api.js';
import { answerText, checkAttribute, fieldId, renderAttribute, toAnswers } from './fields.js';
import { CATEGORY, DETAILS, LOCATION, PHOTOS, REVIEW, type FormHost } from './parts.js';
import { PhotoController, type Photo } from './photos.js';
import { complaintFormStepsMessages } from './steps-messages.js';
// Texts it shows that no entry carries (drafts, offline sending, deadlines).
import '../../core/part-texts.js';

const MIN_DESCRIPTION = 10;

/** ~1 m precision: enough to find a pothole, no more than needed. */
const round = (n: number) => Math.round(n * 1e5) / 1e5;

export const ready = (locale: Locale, variant?: TextVariant) => loadMessages(complaintFormStepsMessages, locale, variant);

export class Steps {
  readonly text: LocalizeController<typeof complaintFormStepsMessages.source>;

  constructor(private readonly f: FormHost) {
    adoptStyles(f.renderRoot, stepStyles);
    this.text = new LocalizeController(f, complaintFormStepsMessages, () => f.settings.locale);
    // The photos uploaded before a reload come back as they were saved.
    const photos = (f.photos = new PhotoController(f, { client: () => f.apiClient, changed: (photo) => this.photoChanged(photo) }));
    photos.restore(f.form.photos);
  }

  render(step: number): TemplateResult {
    return step === DETAILS ? this.renderDetails() : step === LOCATION ? this.renderLocation() : step === PHOTOS ? this.renderPhotos() : this.renderReview();
  }

  /** Problems on one step after the first, by field id. */
  check(step: number): Record<string, string> {
    const { f, text: t } = this;
    const errors: Record<string, string> = {};
    if (step === DETAILS) {
      for (const attr of f.questions) {
        const problem = checkAttribute(attr, f.form.values[attr.code]);
        if (problem) errors[fieldId(attr)] = t.t(problem, { name: attr.description, count: 4000 });
      }
      const length = f.form.description.trim().length;
      if (!length) errors.description = t.t('errorDescription');
      else if (length < MIN_DESCRIPTION) errors.description = t.t('errorDescriptionShort', { count: MIN_DESCRIPTION });
      else if (f.form.description.length > f.limit) errors.description = t.t('errorDescriptionLong', { count: f.limit });
    }
    if (step === LOCATION) {
      const address = f.form.address.trim();
      if (!address && !f.form.location) errors.address = t.t('errorAddress');
      else if (address && address.length < 3) errors.address = t.t('errorAddressShort');
    }
    if (step === PHOTOS && f.photos?.unfinished) errors.photos = t.t('errorPhotosUploading');
    if (step === REVIEW && !f.form.consent) errors.consent = t.t('errorConsent');
    return errors;
  }

  /** The category's answers as the contract takes them. */
  answers() {
    return toAnswers(this.f.questions, this.f.form.values);
  }

  // ---------------------------------------------------------------- location

  private locate(): void {
    const f = this.f;
    if (!('geolocation' in navigator)) {
      f.geo = 'unavailable';
      return;
    }
    f.geo = 'locating';
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        f.geo = undefined;
        this.setLocation({ lat: round(coords.latitude), long: round(coords.longitude) });
      },
      (error) => {
        f.geo = error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable';
        f.announce(this.geoText(), { assertive: true });
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  private setLocation(location: GeoPoint | undefined): void {
    this.f.change({ location });
    this.f.recheck('address');
    if (location) this.f.announce(this.text.t('locationSet', { place: this.pointText(location) }));
  }

  private geoText(): string {
    const geo = this.f.geo;
    return geo === 'denied' ? this.text.t('geoDenied') : geo === 'timeout' ? this.text.t('geoTimeout') : geo === 'unavailable' ? this.text.t('geoUnavailable') : '';
  }

  private pointText(point: GeoPoint): string {
    const n = (value: number) => formatNumber(this.text.locale, value, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
    return `${n(point.lat)}, ${n(point.long)}`;
  }

  private async openMap(): Promise<void> {
    const f = this.f;
    const tiles = f.tileUrl;
    if (!tiles || f.map === 'loading' || f.map === 'open') return;
    f.map = 'loading';
    try {
      const { showMap } = await import('./map-picker.js');
      await f.updateComplete;
      await showMap(f.renderRoot.querySelector<HTMLElement>('#map')!, {
        tiles,
        at: f.form.location,
        label: this.text.t('mapLabel'),
        zoomIn: this.text.t('mapZoomIn'),
        zoomOut: this.text.t('mapZoomOut'),
        pick: (point) => this.setLocation({ lat: round(point.lat), long: round(point.long) }),
      });
      f.map = 'open';
    } catch {
      f.map = 'failed';
    }
  }

  // ---------------------------------------------------------------- photos

  private addPhotos(input: HTMLInputElement): void {
    const f = this.f;
    const { notImages, overflow } = f.photos!.add(input.files ?? [], f.photoLimit);
    input.value = '';
    const notices = [
      ...notImages.map((name) => this.text.t('notImage', { name })),
      ...(overflow ? [this.text.t('tooManyPhotos', { count: f.photoLimit })] : []),
    ];
    f.photoNotice = notices.join(' ');
    if (f.photoNotice) f.announce(f.photoNotice, { assertive: true });
  }

  private photoChanged(photo: Photo): void {
    const f = this.f;
    f.save();
    f.recheck('photos');
    if (photo.status === 'done') f.announce(this.text.t('photoUploaded', { name: photo.name }));
    if (photo.status === 'failed') {
      if (photo.error instanceof ApiError) {
        if (photo.error.kind === 'auth') f.signIn = f.askSignIn('upload');
        else f.fail(photo.error);
      } else f.announce(this.photoError(photo), { assertive: true });
    }
  }

  private photoError(photo: Photo): string {
    if (photo.error === 'decode') return this.text.t('photoUnreadable', { name: photo.name });
    if (photo.error?.status === 413) return this.text.t('photoTooLarge');
    return this.f.describe(photo.error);
  }

  // ---------------------------------------------------------------- duplicates

  /** Similar open complaints nearby, asked for when the citizen reaches the review. */
  async checkNearby(): Promise<void> {
    const f = this.f;
    const client = f.apiClient;
    const location = f.form.location;
    f.nearby = undefined;
    if (!client || !f.backend?.full || !location || !f.form.service) return;
    try {
      const page = await fetchNearby(client, f.form.service, location);
      f.nearby = page.items;
    } catch {
      // The duplicate check is advice; filing works without it.
    }
  }

  private async support(complaint: NearbyComplaint): Promise<void> {
    const f = this.f;
    const client = f.apiClient;
    if (!client || f.supporting) return;
    if (f.me === null) {
      f.signIn = f.askSignIn('support', true);
      return;
    }
    f.supporting = complaint.id;
    f.failure = undefined;
    try {
      const result = await supportComplaint(client, complaint.id, f.supportKey(complaint.id));
      await f.supportedDone(complaint, result.supporters);
    } catch (error) {
      if (error instanceof ApiError && error.slug === 'already-supported') {
        await f.supportedDone(complaint, complaint.supporters);
      } else if (error instanceof ApiError && error.kind === 'auth') f.signIn = f.askSignIn('support', true);
      else f.fail((f.failure = error));
    } finally {
      f.supporting = undefined;
    }
  }

  // ---------------------------------------------------------------- rendering

  private renderDetails(): TemplateResult {
    const { f, text: t } = this;
    const category = f.category;
    const left = f.limit - f.form.description.length;
    const attributes = f.attributesState;
    return html`${category
        ? html`<p class="chosen">
            <strong>${category.name}</strong>${f.deadline(category) ? html`<br /><span class="muted">${f.deadline(category)}</span>` : nothing}
          </p>`
        : nothing}
      ${attributes.pending ? html`<p class="muted" aria-busy="true">${f.coreTexts.t('loading')}</p>` : nothing}
      ${attributes.error ? f.errorPanel(attributes.error, attributes.retry) : nothing}
      ${f.questions.map((attr) =>
        renderAttribute(attr, f.form.values[attr.code], { optional: t.t('optional'), error: f.errors[fieldId(attr)] }, (value) => {
          f.change({ values: { ...f.form.values, [attr.code]: value } });
          f.recheck(fieldId(attr));
        }),
      )}
      <div class="field">
        <label for="description">${t.t('description')}</label>
        <p class="hint" id="description-hint">${t.t('descriptionHint')}</p>
        ${f.fieldError('description')}
        <textarea
          id="description"
          rows="6"
          .value=${f.form.description}
          aria-invalid=${f.errors.description ? 'true' : 'false'}
          aria-describedby="description-hint description-count${f.errors.description ? ' description-error' : ''}"
          @input=${(e: Event) => {
            f.change({ description: (e.target as HTMLTextAreaElement).value });
            f.recheck('description');
          }}
        ></textarea>
        <p class="hint count ${left < 0 ? 'over' : ''}" id="description-count" aria-live="polite">
          ${left >= 0 ? t.t('charsLeft', { count: left }) : t.t('charsOver', { count: -left })}
        </p>
      </div>`;
  }

  private renderLocation(): TemplateResult {
    const { f, text: t } = this;
    const { location } = f.form;
    const geo = f.geo;
    return html`<div class="field">
        <label for="address">${t.t('address')}</label>
        <p class="hint" id="address-hint">${t.t('addressHint')}</p>
        ${f.fieldError('address')}
        <input
          id="address"
          type="text"
          autocomplete="street-address"
          .value=${f.form.address}
          aria-invalid=${f.errors.address ? 'true' : 'false'}
          aria-describedby="address-hint${f.errors.address ? ' address-error' : ''}"
          @input=${(e: Event) => {
            f.change({ address: (e.target as HTMLInputElement).value });
            f.recheck('address');
          }}
        />
      </div>
      <div class="actions start">
        <button class="button" id="locate" type="button" aria-disabled=${geo === 'locating' ? 'true' : 'false'} @click=${() => geo !== 'locating' && this.locate()}>
          ${geo === 'locating' ? t.t('locating') : t.t('useMyLocation')}
        </button>
        ${f.tileUrl
          ? html`<button class="button" type="button" aria-expanded=${f.map === 'open' ? 'true' : 'false'} @click=${() => void this.openMap()}>${t.t('openMap')}</button>`
          : nothing}
      </div>
      ${geo && geo !== 'locating' ? html`<p class="field-error" id="geo-error">${this.geoText()}</p>` : nothing}
      ${location
        ? html`<p class="chosen" id="point">
            ${t.t('point', { place: this.pointText(location) })}
            <button class="link" type="button" @click=${() => this.setLocation(undefined)}>${t.t('removePoint')}</button>
          </p>`
        : nothing}
      ${f.map ? html`<div class="map" id="map" part="map"></div>` : nothing}
      ${f.map === 'loading' ? html`<p class="muted">${f.coreTexts.t('loading')}</p>` : nothing}
      ${f.map === 'failed' ? html`<p class="note" part="status">${t.t('mapFailed')}</p>` : nothing}`;
  }

  private renderPhotos(): TemplateResult {
    const { f, text: t } = this;
    const max = f.photoLimit;
    const list = f.photos!.list;
    const full = list.length >= max;
    return html`<div class="field" id="photos" tabindex="-1">
      <h3 class="label">${f.formText('photos')} <span class="optional">(${t.t('optional')})</span></h3>
      <p class="hint" id="photos-hint">${t.t('photosHint', { count: max })}</p>
      ${f.fieldError('photos')}
      ${f.me === null
        ? f.signInPanel()
        : html`<label class="button file ${full ? 'disabled' : ''}">
            <input
              class="visually-hidden"
              id="photo-input"
              type="file"
              accept="image/*"
              multiple
              ?disabled=${full}
              aria-describedby="photos-hint"
              @change=${(e: Event) => this.addPhotos(e.target as HTMLInputElement)}
            />${t.t(full ? 'photosFull' : 'addPhotos')}
          </label>`}
      ${f.photoNotice ? html`<p class="field-error" id="photo-notice">${f.photoNotice}</p>` : nothing}
      ${list.length ? html`<ul class="photos">${list.map((photo, i) => this.renderPhoto(photo, i))}</ul>` : nothing}
    </div>`;
  }

  private renderPhoto(photo: Photo, index: number): TemplateResult {
    const { f, text: t } = this;
    const label = t.t('photoN', { index: index + 1, name: photo.name });
    const status =
      photo.status === 'done'
        ? t.t('photoDone')
        : photo.status === 'failed'
          ? this.photoError(photo)
          : photo.status === 'uploading'
            ? t.t('photoUploading', { percent: Math.round(photo.progress * 100) })
            : t.t('photoWaiting');
    return html`<li class="photo ${photo.status}" part="photo">
      ${photo.url ? html`<img src=${photo.url} alt="" />` : html`<span class="thumb" aria-hidden="true"></span>`}
      <div class="photo-body">
        <span class="name">${photo.name}</span>
        ${photo.status === 'done' || photo.status === 'failed'
          ? nothing
          : html`<progress max="100" value=${Math.round(photo.progress * 100)} aria-label=${label}></progress>`}
        <span class=${photo.status === 'failed' ? 'field-error' : 'hint'}>${status}</span>
        <span class="photo-actions">
          ${photo.status === 'failed' && photo.blob
            ? html`<button class="button small" type="button" @click=${() => f.photos!.retry(photo.id)}>
                ${f.coreTexts.t('retry')}<span class="visually-hidden">: ${label}</span>
              </button>`
            : nothing}
          <button class="button small" type="button" @click=${() => f.photos!.remove(photo.id)}>
            ${t.t('removePhoto')}<span class="visually-hidden">: ${label}</span>
          </button>
        </span>
      </div>
    </li>`;
  }

  private renderReview(editable = true): TemplateResult {
    const { f, text: t } = this;
    const { form } = f;
    const category = f.category;
    const locale = t.locale;
    const row = (term: string, value: unknown, step: number) =>
      html`<div>
        <dt>${term}</dt>
        <dd>
          <span>${value || '—'}</span>
          ${editable
            ? html`<button class="link" type="button" @click=${() => void f.go(step)}>${t.t('edit')}<span class="visually-hidden">: ${term}</span></button>`
            : nothing}
        </dd>
      </div>`;
    const place = [form.address.trim(), form.location ? this.pointText(form.location) : ''].filter(Boolean).join('; ');
    const privacy = safeUrl(f.settings.privacyUrl);
    const photos = f.photos!.mediaIds.length;
    return html`<dl class="review">
        ${row(f.formText('category'), category?.name, CATEGORY)}
        ${f.questions
          .filter((a) => a.variable)
          .map((a) => row(a.description, answerText(a, form.values[a.code], (iso) => formatDateTime(locale, iso)), DETAILS))}
        ${row(t.t('description'), form.description.trim(), DETAILS)} ${row(t.t('address'), place, LOCATION)}
        ${f.photoLimit ? row(f.formText('photos'), photos ? t.t('photoCount', { count: photos }) : '', PHOTOS) : nothing}
      </dl>
      ${editable && f.nearby?.length ? this.renderNearby(f.nearby) : nothing}
      ${f.me
        ? html`<div class="identity">
            <h3>${t.t('contact')}</h3>
            <p>${[f.me.contact.name, f.me.contact.email, f.me.contact.phone].filter(Boolean).join(', ')}</p>
            <p class="hint">${t.t('contactHint')}</p>
          </div>`
        : f.me === null
          ? f.signInPanel()
          : nothing}
      ${editable
        ? html`<div class="field">
            ${f.fieldError('consent')}
            <label class="option">
              <input
                id="consent"
                type="checkbox"
                .checked=${form.consent}
                aria-invalid=${f.errors.consent ? 'true' : 'false'}
                aria-describedby=${f.errors.consent ? 'consent-error' : nothing}
                @change=${(e: Event) => {
                  f.change({ consent: (e.target as HTMLInputElement).checked });
                  f.recheck('consent');
                }}
              /><span>${t.t('consent')}</span>
            </label>
            ${privacy ? html`<a class="link" href=${privacy} target="_blank" rel="noopener">${t.t('privacy')}</a>` : nothing}
          </div>`
        : nothing}
      ${f.signIn && f.me !== null ? f.signInPanel() : nothing}`;
  }

  private renderNearby(list: NearbyComplaint[]): TemplateResult {
    const { f, text: t } = this;
    return html`<section class="nearby" part="nearby" aria-labelledby="nearby-title">
      <h3 id="nearby-title">${t.t('nearbyTitle')}</h3>
      <p class="hint">${t.t('nearbyHint')}</p>
      <ul>
        ${list.map(
          (c) => html`<li>
            <p><strong>${c.trackingNumber}</strong> · ${t.t('distance', { count: Math.round(c.distance) })}</p>
            <p>${c.description}</p>
            <p class="muted">${c.address ?? ''} ${t.t('supporters', { count: c.supporters })}</p>
            ${c.supportedByMe
              ? html`<p class="muted">${t.t('alreadySupported')}</p>`
              : html`<button class="button" type="button" aria-disabled=${f.supporting ? 'true' : 'false'} @click=${() => void this.support(c)}>
                  ${f.supporting === c.id ? t.t('sending') : t.t('support')}<span class="visually-hidden">: ${c.trackingNumber}</span>
                </button>`}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  /** The complaint waits in the outbox (offline or a server error) or is being sent. */
  renderQueued(): TemplateResult {
    const { f, text: t } = this;
    const next = f.outbox.nextAttemptAt;
    return html`${f.outbox.status === 'sending'
        ? html`<p class="status" part="status sending" aria-busy="true">${t.t('sending')}</p>`
        : html`<div class="status" part="status queued">
            <p class="status-title" id="queued-title" tabindex="-1">${f.formText('queuedTitle')}</p>
            <p>${navigator.onLine === false ? f.coreTexts.t('offline') : t.t('queuedText')}</p>
            ${next ? html`<p class="hint">${t.t('nextAttempt', { time: formatDate(t.locale, next, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) })}</p>` : nothing}
            <button class="button primary" type="button" @click=${() => f.outbox.retryNow()}>${t.t('sendNow')}</button>
          </div>`}
      ${f.signIn ? f.signInPanel() : nothing} ${this.renderReview(false)}`;
  }
}

const stepStyles = css`
  input:not([type='radio'], [type='checkbox']),
  textarea {
    inline-size: 100%;
    min-block-size: var(--_target);
    padding: 0.5em 0.625em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  textarea {
    resize: vertical;
  }
  .count.over {
    color: var(--_danger);
    font-weight: 600;
  }
  .file {
    justify-self: start;
  }
  .file:focus-within {
    outline: 3px solid var(--_focus-outline);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_focus);
  }
  .file.disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .photos {
    display: grid;
    gap: 0.5em;
    list-style: none;
  }
  .photo {
    display: grid;
    grid-template-columns: 4em minmax(0, 1fr);
    gap: 0.75em;
    padding: 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .photo.failed {
    border-color: var(--_danger);
  }
  .photo img,
  .thumb {
    inline-size: 4em;
    block-size: 4em;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-alt);
  }
  .photo-body {
    display: grid;
    gap: 0.25em;
  }
  progress {
    inline-size: 100%;
    accent-color: var(--_accent);
  }
  .photo-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .button.small {
    min-block-size: 2.25em;
    padding: 0.25em 0.75em;
  }
  .map {
    block-size: 18em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .nearby,
  .identity,
  .nearby li {
    display: grid;
    gap: 0.5em;
  }
  .nearby {
    padding: var(--_gap);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
  }
  .nearby ul {
    display: grid;
    gap: 0.75em;
    list-style: none;
  }
  .nearby li {
    gap: 0.25em;
    justify-items: start;
  }
`;
