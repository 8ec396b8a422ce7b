export interface VecheComplaintSubmittedDetail {
  /** The complaint's id, for `<veche-complaint-status complaint="…">`. */
  complaint: string;
  /** The tracking number shown to the citizen (the id on Open311 servers). */
  trackingNumber: string;
  /** The service (category) code. */
  service: string;
  /** The agency it was routed to, when the backend said. No personal data is included. */
  agency?: string;
  /** When the agency must answer (ISO 8601), when the backend said. */
  dueAt?: string;
}

export interface VecheComplaintSupportedDetail {
  /** The existing complaint the citizen supported instead of filing a duplicate. */
  complaint: string;
  trackingNumber: string;
  supporters: number;
}

declare module '../../core/events.js' {
  interface VecheEventDetails {
    'veche-complaint-submitted': VecheComplaintSubmittedDetail;
    'veche-complaint-supported': VecheComplaintSupportedDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'veche-complaint-submitted': CustomEvent<VecheComplaintSubmittedDetail>;
    'veche-complaint-supported': CustomEvent<VecheComplaintSupportedDetail>;
  }
}
