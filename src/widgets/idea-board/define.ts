import { defineElement } from '../../core/define.js';
import { VecheIdeaBoard } from './veche-idea-board.js';

defineElement('veche-idea-board', VecheIdeaBoard);

export { VecheIdeaBoard };
export type { VecheIdeaSupportedDetail, VecheIdeaSubmittedDetail, VechePledgeDetail } from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'veche-idea-board': VecheIdeaBoard;
  }
}
