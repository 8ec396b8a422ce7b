import { defineElement } from '../../core/define.js';
import { VechePointsWallet } from './veche-points-wallet.js';

defineElement('veche-points-wallet', VechePointsWallet);

export { VechePointsWallet };
export type { VecheDonateDetail, VecheRedeemDetail } from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'veche-points-wallet': VechePointsWallet;
  }
}
