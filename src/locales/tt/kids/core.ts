import type { CoreMessages } from '../../../core/messages.js';

/** The kids text layer of the shared texts in Tatar: short sentences, "син". Only changed keys. */
const kids: Partial<CoreMessages> = {
  signInTitle: 'Башта кер',
  signInText: 'Сайтка кер дә дәвам ит. Син язганнар югалмас.',
  errorNetwork: 'Интернет юк. Җайланма тоташканмы, тикшер.',
  errorServer: 'Сайт хәзер җавап бирми. Бераздан тагын бер тапкыр тырыш.',
  errorNotFound: 'Берни табылмады. Бәлки, сылтама иске.',
  errorForbidden: 'Моны эшләп булмый.',
  errorRateLimited: 'Бик тиз! Бераз көт тә тагын тырыш.',
  errorValidation: 'Нәрсә язганыңны тикшер.',
  errorUnknown: 'Нәрсәдер ватылды. Тагын бер тапкыр тырыш.',
  retry: 'Тагын бер тапкыр',
  offline: 'Интернет юк. Без барысын да саклап калдык, интернет булгач җибәрербез.',
  required: 'кирәк',
};
export default kids;
