import { defineElement } from '../../core/define.js';
import { VecheAgencyRating } from './veche-agency-rating.js';

defineElement('veche-agency-rating', VecheAgencyRating);

export { VecheAgencyRating };
export type { VecheRatingDetail } from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'veche-agency-rating': VecheAgencyRating;
  }
}
