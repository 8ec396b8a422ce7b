/** The core runtime every widget is built on; also the public API for developers extending the kit. */
export { ApiClient, apiClientFor, type ApiClientOptions, type Query, type RequestOptions, type UploadOptions } from './api-client.js';
export { AnnouncerController } from './announcer.js';
export { DEFAULT_BACKOFF, fullJitterDelay, type BackoffPolicy, type Clock } from './backoff.js';
export { LOCALES, DEFAULT_LOCALE, normalize, toLocale, type Locale, type TokenGetter, type VecheConfig } from './config.js';
export { ConfigController, documentLocale, type ResolvedConfig } from './config-controller.js';
export { configContext, type ProvidedConfig } from './context.js';
export { defineElement } from './define.js';
export { DraftController, type StoredDraft } from './draft-controller.js';
export { emit, VecheEvent, type VecheAuthRequiredDetail, type VecheErrorDetail, type VecheEventDetails, type VechePointsChangeDetail } from './events.js';
export { formatDate, formatDateTime, formatNumber, formatPercent, formatRelative } from './format.js';
export { newIdempotencyKey } from './ids.js';
export { LocalizeController, defineMessages, selectMessage, type Messages, type PluralMessage, type TextOverrides, type Translation } from './localize.js';
export { configure, getPageConfig } from './page-config.js';
export { ApiError, type ApiErrorKind, type FieldError, type Problem } from './problem.js';
export { VecheProvider } from './provider.js';
export { baseStyles, controlStyles, hostStyles, statusStyles, tokenStyles } from './styles.js';
export { VecheElement } from './veche-element.js';
