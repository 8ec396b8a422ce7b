import type { WalletSectionMessages } from '../../../widgets/points-wallet/section-messages.js';

/** The kids text layer of `<veche-points-wallet>`'s history, rewards and donations in Tatar: short sentences, "син"; the points, stock, voucher code, receipt, fund and amount limits stay. Only changed keys. */
const kids: Partial<WalletSectionMessages> = {
  kindEarned: 'Алынган',
  kindDonated: 'Бүләк ителгән',
  entryEarned: 'Алынды',
  entryDonated: 'Бүләк ителде',
  historyEmpty: 'Монда әлегә буш. Тавыш бир һәм сораштыруларга җавап бир — моның өчен баллар бирелә.',
  after: 'Аннан соң синдә {points} калачак.',
  confirm: 'Әйе, дөрес',
  waiting: 'Элемтә юк. Без барысын да саклап калдык, элемтә булгач үзебез җибәрербез. Баллар ике тапкыр тотылмас.',
  redeemed: 'Әзер! Син {points} «{title}» бүләгенә алмаштырдың.',
  voucher: 'Синең код:',
  outOfStockRace: '«{title}» бүләге син сайлаганда бетте. Баллар синдә калды, каталог яңартылды.',
  donors: { other: '{count} кеше ярдәм итте' },
  amountRequired: 'Ничә балл бирергә телисең, яз.',
  amountWhole: 'Бөтен сан яз.',
  amountMax: { other: 'Синдә барлыгы {count} балл.' },
  thanks: 'Рәхмәт! Син «{name}» фондына {points} бирдең.',
};
export default kids;
