import type { Funding, IdeaStatus } from './api.js';

export interface VecheIdeaSupportedDetail {
  /** The idea's id. */
  idea: string;
  /** True when the citizen now supports it, false after withdrawing. */
  supported: boolean;
  /** The supporters count the backend confirmed. */
  supporters: number;
}

export interface VecheIdeaSubmittedDetail {
  /** The new idea's id. */
  idea: string;
  /** Always `moderation` right after submitting. */
  status: IdeaStatus;
  /** The category the citizen chose. */
  category: string;
}

export interface VechePledgeDetail {
  idea: string;
  kind: 'points' | 'money';
  /** Points, or roubles for money. */
  amount: number;
  /** `confirmed` for points; `pending` for money until the host confirms the payment. */
  status: 'confirmed' | 'pending';
  /** Money: the reference to pay under, and the host's payment page it is handed to. */
  paymentReference?: string;
  paymentUrl?: string;
  /** The idea's crowdfunding after the pledge. */
  funding: Funding;
}

declare module '../../core/events.js' {
  interface VecheEventDetails {
    'veche-idea-supported': VecheIdeaSupportedDetail;
    'veche-idea-submitted': VecheIdeaSubmittedDetail;
    'veche-pledge': VechePledgeDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'veche-idea-supported': CustomEvent<VecheIdeaSupportedDetail>;
    'veche-idea-submitted': CustomEvent<VecheIdeaSubmittedDetail>;
    'veche-pledge': CustomEvent<VechePledgeDetail>;
  }
}
