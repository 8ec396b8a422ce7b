import type { CoreMessages } from '../../../core/messages.js';

/**
 * The kids text layer of the texts every widget shares (Active Citizen Kids, 6–14 years): short
 * sentences, "ты", no officialese. Only the keys that change; the rest come from ../core.ts.
 * Applied when the widget's theme includes `kids`.
 */
const kids: Partial<CoreMessages> = {
  signInTitle: 'Сначала войди',
  signInText: 'Войди на сайт, и можно продолжать. Всё, что ты написал(а), не пропадёт.',
  errorNetwork: 'Нет интернета. Проверь, подключено ли устройство.',
  errorServer: 'Сайт сейчас не отвечает. Попробуй ещё раз чуть позже.',
  errorNotFound: 'Ничего не нашли. Может быть, ссылка старая.',
  errorForbidden: 'Это сделать нельзя.',
  errorRateLimited: 'Слишком быстро! Подожди немного и попробуй снова.',
  errorValidation: 'Проверь, что ты написал(а).',
  errorUnknown: 'Что-то сломалось. Попробуй ещё раз.',
  retry: 'Ещё раз',
  offline: 'Нет интернета. Мы всё сохранили и отправим, когда интернет появится.',
  draftRestored: 'Мы сохранили то, что ты начал(а) писать {date}.',
  required: 'обязательно',
};
export default kids;
