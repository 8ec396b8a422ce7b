import { defineElement } from '../../core/define.js';
import { VecheComplaintForm } from './veche-complaint-form.js';

defineElement('veche-complaint-form', VecheComplaintForm);

export { VecheComplaintForm };
export type { VecheComplaintSubmittedDetail, VecheComplaintSupportedDetail } from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'veche-complaint-form': VecheComplaintForm;
  }
}
