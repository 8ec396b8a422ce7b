import { defineElement } from '../../core/define.js';
import { VecheComplaintStatus } from './veche-complaint-status.js';

defineElement('veche-complaint-status', VecheComplaintStatus);

export { VecheComplaintStatus };
export type { VecheComplaintConfirmationDetail } from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'veche-complaint-status': VecheComplaintStatus;
  }
}
