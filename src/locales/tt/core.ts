import type { CoreMessages } from '../../core/messages.js';

// Tatar nouns do not change after a numeral (5 тавыш), so plural messages need only `other`.
const tt: CoreMessages = {
  loading: 'Йөкләнә…',
  configErrorTitle: 'Бу блок хәзерге вакытта эшләми',
  configErrorHint: 'Сайт администраторына: виджет дөрес көйләнмәгән, тулырак мәгълүмат браузер консолендә.',
  signInTitle: 'Керергә кирәк',
  signInText: 'Дәвам итү өчен портал аша керегез. Сез язганнар сакланачак.',
  signInAction: 'Керү',
  errorNetwork: 'Сервер белән элемтә юк. Интернетка тоташуны тикшерегез.',
  errorServer: 'Хезмәт вакытлыча җавап бирми. Бер минуттан соң кабатлап карагыз.',
  errorNotFound: 'Табылмады. Бәлки, сылтама искергәндер.',
  errorForbidden: 'Бу гамәлне башкарырга сезнең рөхсәтегез юк.',
  errorRateLimited: 'Сораулар артык күп. Бераз көтеп, кабатлап карагыз.',
  errorValidation: 'Кертелгән мәгълүматны тикшерегез.',
  errorUnknown: 'Нәрсәдер дөрес бармады. Кабатлап карагыз.',
  retry: 'Кабатлау',
  offline: 'Интернет юк. Язганыгыз сакланды һәм элемтә барлыкка килгәч җибәреләчәк.',
  draftRestored: '{date} көнне язылган каралама кайтарылды.',
  draftContinue: 'Дәвам итү',
  draftDiscard: 'Яңадан башлау',
  required: 'мәҗбүри кыр',
  points: { other: '{count} балл' },
  days: { other: '{count} көн' },
  people: { other: '{count} кеше' },
};
export default tt;
