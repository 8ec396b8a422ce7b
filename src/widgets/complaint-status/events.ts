export interface VecheComplaintConfirmationDetail {
  /** The complaint's id. */
  complaint: string;
  /** The tracking number the citizen knows it by. */
  trackingNumber: string;
  /** The agency that handled it. */
  agency: string;
  /** `confirmed`: the fix is accepted and the complaint closed; `disputed`: it goes back to the agency. */
  outcome: 'confirmed' | 'disputed';
}

declare module '../../core/events.js' {
  interface VecheEventDetails {
    'veche-complaint-confirmed': VecheComplaintConfirmationDetail;
    'veche-complaint-disputed': VecheComplaintConfirmationDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'veche-complaint-confirmed': CustomEvent<VecheComplaintConfirmationDetail>;
    'veche-complaint-disputed': CustomEvent<VecheComplaintConfirmationDetail>;
  }
}
