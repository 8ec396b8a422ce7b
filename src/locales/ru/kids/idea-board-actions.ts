import type { IdeaBoardActionMessages } from '../../../widgets/idea-board/part-text.js';

/**
 * The kids text layer of `<veche-idea-board>`'s idea page, pledge and "submit an idea" form
 * (Active Citizen Kids, 6–14 years): short sentences, "ты", no officialese. The rules stay: a
 * moderator checks each idea first (usually up to three working days), pledged points are not
 * returned, money is paid on the portal, and every limit keeps its number. Only the keys that
 * change; every other text comes from ../idea-board-actions.ts. Applied when the widget's theme
 * (or the page's) includes `kids`.
 */
const kids: Partial<IdeaBoardActionMessages> = {
  notFound: 'Такой идеи нет',
  notFoundHint: 'Может быть, её убрали или ссылка старая.',
  timeline: 'Что происходит с идеей',
  eventModeration: 'Отправлена на проверку',
  eventReview: 'Идею рассматривает: {agency}',
  eventReviewNoAgency: 'Идею рассматривает городская служба',
  eventAccepted: 'Город согласился её сделать',
  eventImplemented: 'Идею сделали!',
  eventRejected: 'Идею отклонили',
  rejectionReason: 'Почему отказали: {reason}',
  funding: 'Сбор на идею',
  balance: 'На твоём счёте {points}.',
  balanceLoading: 'Проверяем, сколько у тебя баллов…',
  pledgeNext: 'Дальше',
  confirmTitle: 'Подтверди вклад',
  confirmPoints: 'Отдать {points} на идею «{title}»? Баллы не вернутся.',
  confirmMoney: 'Вложить {amount} в идею «{title}»? Заплатить можно будет на странице оплаты портала.',
  pledgeDone: 'Спасибо! Ты вложил(а) {points}.',
  moneyIntent: 'Вклад {amount} оформлен. Оплати его на странице оплаты портала.',
  insufficient: {
    one: 'Не хватает {count} балла. Вложи меньше или заработай баллы: участвуй в голосованиях.',
    few: 'Не хватает {count} баллов. Вложи меньше или заработай баллы: участвуй в голосованиях.',
    many: 'Не хватает {count} баллов. Вложи меньше или заработай баллы: участвуй в голосованиях.',
    other: 'Не хватает {count} балла. Вложи меньше или заработай баллы: участвуй в голосованиях.',
  },
  amountInvalid: 'Напиши целое число больше нуля.',
  pledgeQueued: 'Мы сохранили вклад и сами отправим его, как только всё снова заработает.',
  pledgeWaiting: 'Твой вклад ждёт отправки',
  moderationNote: 'Прежде чем идею увидят все, её проверит модератор — обычно это занимает до трёх рабочих дней. Результат появится в разделе «Мои идеи».',
  textHint: 'Что ты предлагаешь, где и почему это важно. От 20 до 8000 символов.',
  chooseCategory: 'Выбери категорию',
  photo: 'Фото (можно пропустить)',
  fundingGoal: 'Сколько нужно денег, ₽ (можно пропустить)',
  fundingGoalHint: 'Напиши, если для идеи нужны деньги: жители смогут вложить баллы или рубли. От 1 000 до 100 000 000 ₽.',
  submit: 'Отправить на проверку',
  errorsTitle: 'Исправь ошибки:',
  errorCategory: 'Выбери категорию.',
  categoriesFailed: 'Категории не загрузились. Попробуй ещё раз.',
  errorGoal: 'Напиши целое число от 1 000 до 100 000 000.',
  submitQueued: 'Мы сохранили идею и сами отправим её, как только всё снова заработает.',
  submitWaiting: 'Твоя идея ждёт отправки',
  loadedMore: {
    one: 'Вот ещё {count} идея.',
    few: 'Вот ещё {count} идеи.',
    many: 'Вот ещё {count} идей.',
    other: 'Вот ещё {count} идеи.',
  },
  // The cards' texts: a card's support, funding and author, and the list's end.
  endOfList: 'Больше идей нет.',
  // Keyed by the threshold (`count`), as in ../idea-board-actions.ts.
  toThreshold: {
    one: '{supporters} из {count} голоса, чтобы идею передали городу',
    few: '{supporters} из {count} голосов, чтобы идею передали городу',
    many: '{supporters} из {count} голосов, чтобы идею передали городу',
    other: '{supporters} из {count} голоса, чтобы идею передали городу',
  },
  thresholdReached: 'Голосов хватает — идею передадут городу!',
  supported: 'Ты поддержал(а)',
  withdraw: 'Передумал(а)',
  supportDone: 'Ты поддержал(а) идею «{title}».',
  withdrawDone: 'Ты больше не поддерживаешь идею «{title}».',
  supportFailed: 'Не получилось: {reason}',
  supportClosed: 'Эту идею пока нельзя поддержать.',
  // The list's empty states: no ideas yet, none of mine, none for the search or filters.
  empty: 'Идей пока нет. Придумай первую!',
  noResults: 'Ничего не нашли.',
  noResultsHint: 'Попробуй другое слово или сбрось фильтры.',
  mineEmpty: 'Ты ещё не предлагал(а) идей.',
  // The list's filters and the count of what they found; an idea's status, as its card and page show it.
  sortPopular: 'Больше всего поддержки',
  sortTrending: 'Сейчас поддерживают',
  sortThreshold: 'Почти набрали голоса',
  statusModeration: 'Проверяем',
  statusReview: 'Город думает',
  statusAccepted: 'Город согласился',
  statusImplemented: 'Сделано!',
  statusRejected: 'Не получилось',
  listHint: 'Стрелки вверх и вниз — к другой идее, Enter — открыть её.',
};
export default kids;
