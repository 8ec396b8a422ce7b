/**
 * The npm "everything" entry: registers every Veche element and exports the page-level
 * `configure()`. Prefer the per-widget entries (`veche/poll`, …) to ship only what you use.
 */
import './core/define-provider.js';
import './widgets/poll/define.js';

export { configure } from './core/page-config.js';
export { VecheProvider } from './core/provider.js';
export { VechePoll, type VecheVoteDetail } from './widgets/poll/define.js';
export type { VecheConfig, Locale, TokenGetter } from './core/config.js';
export type { VecheErrorDetail, VecheAuthRequiredDetail, VechePointsChangeDetail } from './core/events.js';
