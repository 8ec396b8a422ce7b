import type { WalletMessages } from '../../../widgets/points-wallet/messages.js';

/** The kids text layer of `<veche-points-wallet>` in English: short sentences, plain words. Only changed keys. */
const kids: Partial<WalletMessages> = {
  tabDonations: 'Help others',
  toNext: '{points} more to reach “{name}”',
  topLevel: 'Hooray! You are at the top level.',
  earned: 'Got',
  donated: 'Given away',
  howTitle: 'How to get points',
  how: 'You get points when you help your city: answer polls, tell about problems, suggest ideas.',
  howSpend: 'Swap your points for theatre and museum tickets, or give them to people who need help.',
};
export default kids;
