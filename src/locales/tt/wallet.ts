import type { WalletMessages } from '../../widgets/points-wallet/messages.js';

const tt: WalletMessages = {
  title: 'Минем балларым',
  balance: 'Баланс',
  tabsLabel: 'Капчык бүлекләре',
  tabBalance: 'Баланс',
  tabHistory: 'Тарих',
  tabRewards: 'Бүләкләр',
  tabDonations: 'Хәйрия',
  level: 'Дәрәҗә: {name}',
  toNext: '«{name}» дәрәҗәсенә кадәр — {points}',
  progress: '{threshold} дән {earned}',
  topLevel: 'Сездә иң югары дәрәҗә.',
  levels: 'Дәрәҗәләр',
  levelFrom: '{points} дән',
  yourLevel: 'сезнең дәрәҗә',
  earned: 'Җыелган',
  spent: 'Тотылган',
  donated: 'Хәйриягә бирелгән',
  howTitle: 'Балларны ничек алырга',
  how: 'Баллар төбәк тормышында катнашкан өчен бирелә: тавыш бирүләр һәм сораштырулар, проблемалар турында мөрәҗәгатьләр, кабул ителгән идеяләр, идарәләр эшен бәяләү.',
  howSpend: 'Аларны театр һәм музей билетларына, транспорт картасын тулыландыруга, сувенирларга алыштырырга яки хәйрия фондларына бирергә мөмкин.',
};
export default tt;
