import type { WalletMessages } from '../../widgets/points-wallet/messages.js';

const en: WalletMessages = {
  title: 'My points',
  balance: 'Balance',
  tabsLabel: 'Wallet sections',
  tabBalance: 'Balance',
  tabHistory: 'History',
  tabRewards: 'Rewards',
  tabDonations: 'Charity',
  level: 'Level: {name}',
  toNext: '{points} to the “{name}” level',
  progress: '{earned} of {threshold}',
  topLevel: 'You have reached the highest level.',
  levels: 'Levels',
  levelFrom: 'from {points}',
  yourLevel: 'your level',
  earned: 'Earned',
  spent: 'Spent',
  donated: 'Donated',
  howTitle: 'How to earn points',
  how: 'Points are awarded for taking part in the life of the region: polls and surveys, reports of problems, accepted ideas, rating public agencies.',
  howSpend: 'Exchange them for theatre and museum tickets, transit card top-ups and souvenirs — or donate them to charity.',
};
export default en;
