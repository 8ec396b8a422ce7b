import type { ComplaintFormStepsMessages } from '../../../widgets/complaint-form/steps-messages.js';

/**
 * The kids text layer of `<veche-complaint-form>`'s later steps and result (Active Citizen Kids,
 * 6–14 years): short sentences, "ты", no officialese. What must stay stays: no passport details in
 * the description, the message is never anonymous, the consent is to the processing of personal
 * data, the photo limits and the last day for the answer. Only the keys that change; every other
 * text comes from ../complaint-form-steps.ts. Applied when the widget's theme (or the page's)
 * includes `kids`.
 */
const kids: Partial<ComplaintFormStepsMessages> = {
  optional: 'можно пропустить',
  errorRequired: 'Заполни поле «{name}».',
  errorNumber: 'В поле «{name}» напиши число, например 15.',
  errorDate: 'В поле «{name}» укажи дату и время.',
  errorTooLong: 'Сделай поле «{name}» короче: не больше {count} символов.',
  descriptionHint: 'Что случилось и где именно. Не пиши здесь паспортные данные.',
  errorDescription: 'Опиши проблему.',
  errorDescriptionShort: {
    one: 'Напиши подробнее: не меньше {count} символа.',
    few: 'Напиши подробнее: не меньше {count} символов.',
    many: 'Напиши подробнее: не меньше {count} символов.',
    other: 'Напиши подробнее: не меньше {count} символа.',
  },
  errorDescriptionLong: {
    one: 'Сделай описание короче: не больше {count} символа.',
    few: 'Сделай описание короче: не больше {count} символов.',
    many: 'Сделай описание короче: не больше {count} символов.',
    other: 'Сделай описание короче: не больше {count} символа.',
  },
  address: 'Адрес или заметное место рядом',
  addressHint: 'Например: ул. Речная, 12, у второго подъезда. Можно не писать адрес, а определить, где ты сейчас.',
  errorAddress: 'Напиши адрес или определи, где ты.',
  errorAddressShort: 'Адрес слишком короткий — допиши его.',
  useMyLocation: 'Определить, где я',
  locating: 'Ищем, где ты…',
  geoDenied: 'Сайту не разрешили узнать, где ты. Напиши адрес или разреши это в настройках браузера.',
  geoTimeout: 'Не получилось быстро найти, где ты. Попробуй ещё раз или напиши адрес.',
  geoUnavailable: 'Сейчас не получается узнать, где ты. Напиши адрес.',
  locationSet: 'Нашли место: {place}',
  openMap: 'Отметить на карте',
  mapLabel: 'Карта: нажми туда, где проблема',
  mapFailed: 'Карта сейчас не работает. Хватит и адреса.',
  photosHint: {
    one: 'Можно добавить до {count} фото. Большие фото мы уменьшим перед отправкой.',
    few: 'Можно добавить до {count} фото. Большие фото мы уменьшим перед отправкой.',
    many: 'Можно добавить до {count} фото. Большие фото мы уменьшим перед отправкой.',
    other: 'Можно добавить до {count} фото. Большие фото мы уменьшим перед отправкой.',
  },
  photosFull: 'Больше фото добавить нельзя',
  notImage: '«{name}» — не картинка, его не добавили. Подойдут JPEG, PNG, WebP или GIF.',
  photoUnreadable: 'Не получилось открыть «{name}» как картинку.',
  errorPhotosUploading: 'Подожди, пока фото загрузятся, или удали те, что не загрузились.',
  contact: 'Куда придёт ответ',
  contactHint: 'Это данные из твоего профиля на портале. Сообщение властям нельзя отправить без имени.',
  consent: 'Я даю согласие на обработку моих персональных данных, чтобы моё сообщение рассмотрели',
  errorConsent: 'Отметь согласие на обработку персональных данных: без него сообщение не смогут рассмотреть.',
  nearbyTitle: 'Рядом уже кто-то сообщил о похожей проблеме',
  nearbyHint: 'Если это та же проблема, поддержи это сообщение: его рассмотрят быстрее, а ты сможешь следить за ответом.',
  distance: {
    one: '{count} метр от тебя',
    few: '{count} метра от тебя',
    many: '{count} метров от тебя',
    other: '{count} метра от тебя',
  },
  alreadySupported: 'Ты уже поддержал(а) это сообщение.',
  supportedText: 'Ты будешь получать новости по сообщению {number}.',
  queuedText: 'Сайт сейчас не отвечает. Мы отправим сообщение сами — один раз, даже если ты закроешь страницу.',
  nextAttempt: 'Попробуем снова в {time}.',
  trackingNumber: 'Номер сообщения',
  agency: 'Служба',
  dueAt: 'Последний день для ответа',
  pointsEarned: 'Тебе начислено: {points}!',
  followStatus: 'Следить за сообщением',
};
export default kids;
