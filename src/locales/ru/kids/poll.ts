import type { PollMessages } from '../../../widgets/poll/messages.js';

/**
 * The kids text layer of `<veche-poll>` (Active Citizen Kids, 6–14 years): short sentences, "ты",
 * no officialese. Only the keys that change; every other text comes from ../poll.ts. Applied when
 * the widget's theme includes `kids` (see the theming guide, "Kids mode").
 */
const kids: Partial<PollMessages> = {
  notFound: 'Такого опроса нет',
  notFoundHint: 'Может быть, его уже убрали.',
  openUntil: 'Можно ответить до {date}',
  closedOn: 'Закончился {date}',
  reward: 'Ответь и получи {points}!',
  upcoming: 'Опрос ещё не начался. Загляни {date}!',
  closed: 'Этот опрос уже закончился.',
  optional: 'можно пропустить',
  maxReached: 'Хочешь выбрать другой ответ? Сначала сними одну галочку.',
  errorRequired: 'Выбери ответ, пожалуйста.',
  vote: 'Ответить',
  send: 'Отправить',
  review: 'Проверь свои ответы',
  toReview: 'К своим ответам',
  noAnswer: 'Нет ответа',
  thanks: 'Ура! Твой ответ засчитан.',
  votedOn: 'Ты ответил(а) {date}',
  pointsEarned: 'Тебе начислено: {points}!',
  receipt: 'Твой код:',
  receiptHint: 'По этому коду можно проверить, что твой ответ засчитан. Никто не узнает, что ты выбрал(а).',
  checkReceipt: 'Проверить',
  receiptCounted: 'Ответ с этим кодом засчитан {date}.',
  yourAnswers: 'Твои ответы',
  yourChoice: 'твой выбор',
  results: 'Как ответили другие',
  resultsAfterVote: 'Ответь сам(а) — и увидишь, как ответили другие.',
  resultsAfterClose: 'Итоги покажем, когда опрос закончится, {date}',
  resultsHidden: 'Итоги этого опроса не показывают.',
};
export default kids;
