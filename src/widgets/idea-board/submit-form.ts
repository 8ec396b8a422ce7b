/**
 * "Submit an idea": title, description, category, an optional photo and funding goal, checked
 * against the contract, kept as a draft across reloads, sent through the board's outbox (one
 * idempotency key per submission). Loaded when the citizen first opens the form, or when an
 * idea queued earlier is answered.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { DraftController } from '../../core/draft-controller.js';
import { formatDateTime, formatPercent } from '../../core/format.js';
import { newIdempotencyKey } from '../../core/ids.js';
import { adoptStyles } from '../../core/adopt-styles.js';
import type { OutboxController } from '../../core/outbox.js';
import { ApiError } from '../../core/problem.js';
import type { ApiClient } from '../../core/api-client.js';
import type { Idea, IdeaCreate, Media } from './api.js';
import { categoriesFailed, categoriesFor, retryCategories } from './categories.js';
import { checkIdea, emptyDraft, FIELDS, hasContent, toIdeaCreate, type IdeaDraft, type IdeaField } from './idea-form.js';
import type { BoardContext } from './parts.js';
import { partStyles } from './part-styles.js';
import { partText } from './part-text.js';
// Texts it shows that no entry carries (drafts, offline sending, deadlines).
import '../../core/part-texts.js';

const ideasPath = '/ideas';
const uploadPhoto = (client: ApiClient, file: Blob, idempotencyKey: string, onProgress: (fraction: number) => void) =>
  client.upload<Media>('/media', file, { idempotencyKey, onProgress, headers: { 'Content-Type': file.type } });

const MAX_PHOTO = 5 * 1024 * 1024;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

export class SubmitForm {
  private form: IdeaDraft = emptyDraft();
  private errors: Partial<Record<IdeaField, string>> = {};
  private error?: unknown;
  private restoredAt?: number;
  /**
   * The photo on its way, and how much of it has gone once the browser says (a bar without a
   * value until then: "0 %" on a slow start reads as stuck).
   */
  private upload?: { sent?: number };
  private queued = false;
  private loadedFor?: string;
  private readonly draft: DraftController<IdeaDraft>;

  constructor(
    private readonly ctx: BoardContext,
    private readonly outbox: OutboxController<IdeaCreate, Idea>,
  ) {
    adoptStyles(ctx.host.renderRoot, partStyles, formStyles);
    this.draft = new DraftController<IdeaDraft>(ctx.host as never, {
      key: () => {
        const api = ctx.api();
        return api ? `draft:idea-board:${api}` : undefined;
      },
    });
  }

  private changed(): void {
    this.ctx.host.requestUpdate();
  }

  /** Restores the draft saved for this backend (once per backend). */
  private restore(): void {
    this.loadedFor = this.ctx.api();
    const saved = this.draft.load();
    if (saved && hasContent(saved.value)) {
      this.form = { ...emptyDraft(), ...saved.value };
      this.restoredAt = saved.savedAt;
    } else if (!hasContent(this.form)) {
      this.form = emptyDraft(this.ctx.category() ?? '');
    }
    this.queued = this.outbox.items.length > 0;
  }

  private edit(field: keyof IdeaDraft, value: string): void {
    // Different content is a different submission: the server would refuse the old key with it.
    this.form = { ...this.form, [field]: value, key: undefined };
    if (this.errors[field as IdeaField]) {
      const problem = checkIdea(this.form)[field as IdeaField];
      this.errors = { ...this.errors, [field]: problem ? partText(this.ctx)(problem) : '' };
    }
    this.draft.save(this.form);
    this.changed();
  }

  private discard(): void {
    this.draft.clear();
    this.form = emptyDraft(this.ctx.category() ?? '');
    this.errors = {};
    this.restoredAt = undefined;
    this.changed();
  }

  private async choosePhoto(input: HTMLInputElement): Promise<void> {
    const { ctx } = this;
    const file = input.files?.[0];
    const client = ctx.client();
    if (!file || !client) return;
    const problem = !PHOTO_TYPES.includes(file.type) ? 'photoType' : file.size > MAX_PHOTO ? 'photoTooLarge' : undefined;
    if (problem) {
      this.errors = { ...this.errors, mediaIds: partText(ctx)(problem) };
      input.value = '';
      return this.changed();
    }
    this.errors = { ...this.errors, mediaIds: '' };
    this.upload = {};
    // The file input is disabled while the photo goes up: say what is happening where focus was.
    ctx.announce(partText(ctx)('photoUploading'));
    this.changed();
    try {
      const media = await uploadPhoto(client, file, newIdempotencyKey(), (fraction) => {
        this.upload = { sent: fraction };
        this.changed();
      });
      this.form = { ...this.form, photo: { id: media.id, url: media.url, name: file.name }, key: undefined };
      this.draft.save(this.form);
      ctx.announce(partText(ctx)('photoUploaded'));
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'auth') ctx.needSignIn('submit');
      else this.errors = { ...this.errors, mediaIds: ctx.describeError(error) };
    } finally {
      this.upload = undefined;
      input.value = '';
      this.changed();
    }
  }

  private removePhoto(): void {
    const { photo: _photo, ...rest } = this.form;
    this.form = { ...rest, key: undefined };
    this.draft.save(this.form);
    this.changed();
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const { ctx } = this;
    if (this.held || this.upload !== undefined) return;
    const problems = checkIdea(this.form);
    this.errors = Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, partText(ctx)(key)]));
    this.error = undefined;
    this.changed();
    if (Object.keys(problems).length) return ctx.focusLater('#errors');
    ctx.clearSignIn();
    const key = (this.form.key ??= newIdempotencyKey());
    this.draft.save(this.form);
    this.draft.flush();
    await this.outbox.send(ideasPath, toIdeaCreate(this.form), { key });
    this.queued = this.outbox.status === 'waiting' && !ctx.signingIn();
    if (this.queued) ctx.announce(partText(ctx)('submitQueued'));
    this.changed();
  }

  /**
   * An idea on its way or waiting to be sent (or for sign-in): the form holds it read-only, since
   * an edit would make it a second idea, and its sending clears the form and the draft.
   */
  private get held(): boolean {
    return this.outbox.items.length > 0;
  }

  /** The server accepted the idea: the draft is done with. */
  sent(): void {
    this.draft.clear();
    this.form = emptyDraft(this.ctx.category() ?? '');
    this.errors = {};
    this.restoredAt = undefined;
    this.queued = false;
    this.changed();
  }

  /** The server refused the idea for good: show why, next to the fields it names. */
  rejected(error: ApiError): void {
    this.form = { ...this.form, key: undefined };
    this.draft.save(this.form);
    this.queued = false;
    const fields: Partial<Record<IdeaField, string>> = {};
    for (const { field, message } of error.fieldErrors) {
      const name = FIELDS.find((f) => field === f || field.startsWith(`${f}.`));
      if (name) fields[name] ??= message;
    }
    this.errors = fields;
    this.error = Object.keys(fields).length ? undefined : error;
    this.ctx.reportError(error);
    this.ctx.focusLater('#errors, [part~="error"]');
    this.changed();
  }

  private focusField(event: Event, name: string): void {
    event.preventDefault();
    this.ctx.host.renderRoot.querySelector<HTMLElement>(`#${name === 'mediaIds' ? 'photo' : name}`)?.focus();
  }

  private renderUpload(sent: number | undefined): TemplateResult {
    const t = partText(this.ctx);
    return html`<div class="upload">
      <label for="photo-progress">${t('photoUploading')}</label>
      <progress id="photo-progress" part="progress" max="100" value=${sent === undefined ? nothing : Math.round(sent * 100)}></progress>
      ${sent === undefined ? nothing : html`<span class="hint" aria-hidden="true">${formatPercent(this.ctx.text.locale, sent)}</span>`}
    </div>`;
  }

  render(): TemplateResult {
    if (this.loadedFor !== this.ctx.api()) this.restore();
    const { ctx, form, errors } = this;
    const t = partText(ctx);
    const locale = ctx.text.locale;
    const categories = categoriesFor(ctx);
    const listed = Object.entries(errors).filter(([, message]) => message);
    const sending = this.outbox.status === 'sending';
    const held = this.held;
    const field = (name: IdeaField) => ({
      invalid: errors[name] ? 'true' : 'false',
      describedBy: [`${name}-hint`, errors[name] ? `${name}-error` : ''].filter(Boolean).join(' '),
      error: errors[name] ? html`<p class="field-error" id="${name}-error">${errors[name]}</p>` : nothing,
    });
    const title = field('title');
    const text = field('text');
    const category = field('categoryId');
    const goal = field('fundingGoal');
    const photo = field('mediaIds');
    return html`<form part="form" novalidate @submit=${(e: Event) => void this.submit(e)} aria-labelledby="form-title">
      <h3 id="form-title" tabindex="-1">${t('formTitle')}</h3>
      <p class="note">${t('moderationNote')}</p>
      ${this.restoredAt
        ? html`<div class="note" part="status draft">
            <p>${ctx.coreText.t('draftRestored', { date: formatDateTime(locale, this.restoredAt) })}</p>
            <button class="link" type="button" ?disabled=${held} @click=${() => this.discard()}>${ctx.coreText.t('draftDiscard')}</button>
          </div>`
        : nothing}
      ${listed.length
        ? html`<div class="errors" id="errors" tabindex="-1" role="group" aria-labelledby="errors-title">
            <p class="field-error" id="errors-title">${t('errorsTitle')}</p>
            <ul>
              ${listed.map(([name, message]) => html`<li><a class="link" href="#${name === 'mediaIds' ? 'photo' : name}" @click=${(e: Event) => this.focusField(e, name)}>${message}</a></li>`)}
            </ul>
          </div>`
        : nothing}
      ${this.error ? ctx.renderError(this.error) : nothing}
      <div class="field">
        <label for="title">${t('title')}</label>
        <span class="hint" id="title-hint">${t('titleHint')}</span>
        ${title.error}
        <input id="title" maxlength="140" required ?readonly=${held} .value=${form.title} aria-invalid=${title.invalid} aria-describedby=${title.describedBy} @input=${(e: Event) => this.edit('title', (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="text">${t('text')}</label>
        <span class="hint" id="text-hint">${t('textHint')}</span>
        ${text.error}
        <textarea id="text" maxlength="8000" required ?readonly=${held} .value=${form.text} aria-invalid=${text.invalid} aria-describedby=${text.describedBy} @input=${(e: Event) => this.edit('text', (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <div class="field">
        <label for="categoryId">${t('category')}</label>
        <span class="hint" id="categoryId-hint">${t('chooseCategory')}</span>
        ${category.error}
        <select id="categoryId" required ?disabled=${held} aria-invalid=${category.invalid} aria-describedby=${category.describedBy} @change=${(e: Event) => this.edit('categoryId', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!form.categoryId}>—</option>
          ${categories.map((c) => html`<option value=${c.id} ?selected=${c.id === form.categoryId}>${c.name}</option>`)}
        </select>
        ${categoriesFailed(ctx)
          ? html`<p class="field-error" role="alert">
              ${t('categoriesFailed')}
              <button class="button" type="button" @click=${() => retryCategories(ctx)}>${ctx.coreText.t('retry')}</button>
            </p>`
          : nothing}
      </div>
      <div class="field">
        <label for="photo">${t('photo')}</label>
        <span class="hint" id="mediaIds-hint">${t('photoHint')}</span>
        ${photo.error}
        ${form.photo
          ? html`<p class="actions"><span class="photo-name">${form.photo.name}</span>
              <button class="button" type="button" ?disabled=${held} @click=${() => this.removePhoto()}>${t('photoRemove')}</button></p>`
          : html`<input id="photo" type="file" accept=${PHOTO_TYPES.join(',')} aria-invalid=${photo.invalid} aria-describedby=${photo.describedBy} ?disabled=${this.upload !== undefined || held} @change=${(e: Event) => void this.choosePhoto(e.target as HTMLInputElement)} />`}
        ${this.upload ? this.renderUpload(this.upload.sent) : nothing}
      </div>
      <div class="field">
        <label for="fundingGoal">${t('fundingGoal')}</label>
        <span class="hint" id="fundingGoal-hint">${t('fundingGoalHint')}</span>
        ${goal.error}
        <input id="fundingGoal" inputmode="numeric" ?readonly=${held} .value=${form.fundingGoal} aria-invalid=${goal.invalid} aria-describedby=${goal.describedBy} @input=${(e: Event) => this.edit('fundingGoal', (e.target as HTMLInputElement).value)} />
      </div>
      ${this.queued
        ? html`<div class="note" part="status offline">
            <p>${t('submitQueued')}</p>
            <button class="link" type="button" @click=${() => this.outbox.retryNow()}>${t('sendNow')}</button>
          </div>`
        : nothing}
      <div class="actions">
        <button class="button primary" part="submit" type="submit" aria-disabled=${held ? 'true' : 'false'}>
          ${sending ? t('sending') : held ? t('submitWaiting') : t('submit')}
        </button>
      </div>
    </form>`;
  }
}

const formStyles = css`
  form {
    display: grid;
    gap: 0.75em;
    align-content: start;
  }
  /* One column as wide as the form, whatever a control would like: the file input grows with
     the name of the chosen file, which has no place to wrap. */
  form .field {
    grid-template-columns: minmax(0, 1fr);
  }
  input[type='file'] {
    inline-size: 100%;
  }
  textarea {
    min-block-size: 8em;
    resize: vertical;
  }
  .errors {
    padding: 0.75em;
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .errors ul {
    padding-inline-start: 1.25em;
  }
  /* The bar, its label and the percentage on one line where they fit, the bar alone below where not. */
  .upload {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    align-items: center;
  }
  .upload progress {
    flex: 1 1 10em;
    min-inline-size: 0;
    block-size: 0.75em;
    accent-color: var(--_accent);
  }
  /* A file name is one long word: it wraps rather than widening the form past a phone's screen. */
  .photo-name {
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
`;
