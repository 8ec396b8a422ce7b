export interface VecheRatingDetail {
  /** The agency's id. */
  agency: string;
  /** The closed complaint the rating is tied to. */
  complaint: string;
  /** 1–5. Carries no personal data (the comment is not included). */
  stars: number;
}

declare module '../../core/events.js' {
  interface VecheEventDetails {
    'veche-rating': VecheRatingDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'veche-rating': CustomEvent<VecheRatingDetail>;
  }
}
