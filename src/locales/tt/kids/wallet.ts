import type { WalletMessages } from '../../../widgets/points-wallet/messages.js';

/** The kids text layer of `<veche-points-wallet>` in Tatar: short sentences, "син". Only changed keys. */
const kids: Partial<WalletMessages> = {
  tabDonations: 'Башкаларга ярдәм',
  toNext: '«{name}» дәрәҗәсенә кадәр {points} калды',
  topLevel: 'Ура! Синдә иң югары дәрәҗә.',
  yourLevel: 'синең дәрәҗә',
  earned: 'Алынган',
  donated: 'Бүләк ителгән',
  how: 'Шәһәргә ярдәм иткәндә баллар бирелә: сораштыруларга җавап бирәсең, проблемалар турында сөйлисең, идеяләр тәкъдим итәсең.',
  howSpend: 'Балларны театр һәм музей билетларына алыштырырга яки ярдәмгә мохтаҗларга бүләк итәргә була.',
};
export default kids;
