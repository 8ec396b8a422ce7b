import type { WalletMessages } from '../../../widgets/points-wallet/messages.js';

/**
 * The kids text layer of `<veche-points-wallet>` (Active Citizen Kids, 6–14 years): short
 * sentences, "ты", no officialese. Only the keys that change; every other text comes from
 * ../wallet.ts. Applied when the widget's theme (or the page's) includes `kids`.
 */
const kids: Partial<WalletMessages> = {
  tabDonations: 'Помочь другим',
  toNext: 'До уровня «{name}» ещё {points}',
  topLevel: 'Ура! У тебя самый высокий уровень.',
  yourLevel: 'твой уровень',
  earned: 'Получено',
  donated: 'Подарено',
  how: 'Баллы дают, когда ты помогаешь городу: отвечаешь на опросы, рассказываешь о проблемах, предлагаешь идеи.',
  howSpend: 'Баллы можно обменять на билеты в театр и музей или подарить тем, кому нужна помощь.',
};
export default kids;
