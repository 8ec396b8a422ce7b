export interface VecheRedeemDetail {
  /** The reward's id. */
  reward: string;
  /** The redemption's id (the voucher itself is shown to the citizen only). */
  redemption: string;
  /** Points spent. */
  cost: number;
  /** The balance after the redemption. */
  balance: number;
}

export interface VecheDonateDetail {
  /** The fund's id. */
  fund: string;
  /** The donation's id. */
  donation: string;
  /** Points donated. */
  amount: number;
  /** The balance after the donation. */
  balance: number;
}

declare module '../../core/events.js' {
  interface VecheEventDetails {
    'veche-redeem': VecheRedeemDetail;
    'veche-donate': VecheDonateDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'veche-redeem': CustomEvent<VecheRedeemDetail>;
    'veche-donate': CustomEvent<VecheDonateDetail>;
  }
}
