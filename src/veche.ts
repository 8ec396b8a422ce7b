/**
 * The npm "everything" entry: registers every Veche element and exports the page-level
 * `configure()`. Prefer the per-widget entries (`veche/poll`, …) to ship only what you use.
 */
import './core/define-provider.js';
import './widgets/poll/define.js';
import './widgets/complaint-status/define.js';
import './widgets/agency-rating/define.js';
import './widgets/idea-board/define.js';
import './widgets/complaint-form/define.js';
import './widgets/points-wallet/define.js';

export { configure } from './core/page-config.js';
export { VecheProvider } from './core/provider.js';
export { VechePoll, type VecheVoteDetail } from './widgets/poll/define.js';
export { VecheComplaintStatus, type VecheComplaintConfirmationDetail } from './widgets/complaint-status/define.js';
export { VecheAgencyRating, type VecheRatingDetail } from './widgets/agency-rating/define.js';
export { VecheIdeaBoard, type VecheIdeaSupportedDetail, type VecheIdeaSubmittedDetail, type VechePledgeDetail } from './widgets/idea-board/define.js';
export { VecheComplaintForm, type VecheComplaintSubmittedDetail, type VecheComplaintSupportedDetail } from './widgets/complaint-form/define.js';
export { VechePointsWallet, type VecheDonateDetail, type VecheRedeemDetail } from './widgets/points-wallet/define.js';
export type { VecheConfig, Locale, TokenGetter } from './core/config.js';
export type { VecheErrorDetail, VecheAuthRequiredDetail, VechePointsChangeDetail } from './core/events.js';
