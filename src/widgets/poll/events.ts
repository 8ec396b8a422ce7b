import type { Answer } from './api.js';

export interface VecheVoteDetail {
  /** The poll's id, as in the `poll` attribute. */
  poll: string;
  /** What was answered, as the backend counted it. Carries no personal data. */
  answers: Answer[];
}

declare module '../../core/events.js' {
  interface VecheEventDetails {
    'veche-vote': VecheVoteDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'veche-vote': CustomEvent<VecheVoteDetail>;
  }
}
