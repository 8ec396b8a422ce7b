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
  moderationNote: 'Прежде чем идею увидят все, её проверит модератор — обычно это занимает до трёх рабочих дней. Результат появится в разделе «Мои идеи».',
  textHint: 'Что ты предлагаешь, где и почему это важно. От 20 до 8000 символов.',
  chooseCategory: 'Выбери категорию',
  photo: 'Фото (можно пропустить)',
  fundingGoal: 'Сколько нужно денег, ₽ (можно пропустить)',
  fundingGoalHint: 'Напиши, если для идеи нужны деньги: жители смогут вложить баллы или рубли. От 1 000 до 100 000 000 ₽.',
  submit: 'Отправить на проверку',
  errorsTitle: 'Исправь ошибки:',
  errorCategory: 'Выбери категорию.',
  errorGoal: 'Напиши целое число от 1 000 до 100 000 000.',
  submitQueued: 'Мы сохранили идею и сами отправим её, как только всё снова заработает.',
  loadedMore: {
    one: 'Вот ещё {count} идея.',
    few: 'Вот ещё {count} идеи.',
    many: 'Вот ещё {count} идей.',
    other: 'Вот ещё {count} идеи.',
  },
};
export default kids;
