import { defineElement } from '../../core/define.js';
import { VechePoll } from './veche-poll.js';

defineElement('veche-poll', VechePoll);

export { VechePoll };
export type { VecheVoteDetail } from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'veche-poll': VechePoll;
  }
}
