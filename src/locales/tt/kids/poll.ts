import type { PollMessages } from '../../../widgets/poll/messages.js';

/** The kids text layer of `<veche-poll>` in Tatar: short sentences, "син". Only changed keys. */
const kids: Partial<PollMessages> = {
  notFound: 'Мондый сорашу юк',
  notFoundHint: 'Бәлки, аны инде алганнар.',
  openUntil: '{date} кадәр җавап бирә аласың',
  reward: 'Җавап бир һәм {points} ал!',
  upcoming: 'Сорашу әле башланмады. {date} кер!',
  closed: 'Бу сорашу тәмамланды.',
  optional: 'калдырырга була',
  maxReached: 'Башка җавап сайлыйсыңмы? Башта бер билгене ал.',
  errorRequired: 'Зинһар, җавап сайла.',
  vote: 'Җавап бирергә',
  send: 'Җибәрергә',
  review: 'Җавапларыңны тикшер',
  toReview: 'Җавапларыңа кайт',
  thanks: 'Ура! Синең җавап исәпкә алынды.',
  votedOn: 'Син {date} җавап бирдең',
  pointsEarned: 'Сиңа {points} исәпләнде!',
  receipt: 'Синең код:',
  receiptHint: 'Бу код белән җавабың исәпкә алынганын тикшереп була. Нәрсә сайлаганыңны беркем дә белми.',
  checkReceipt: 'Тикшерергә',
  yourAnswers: 'Синең җаваплар',
  yourChoice: 'синең сайлау',
  results: 'Башкалар ничек җавап бирде',
  resultsAfterVote: 'Башта үзең җавап бир — аннары башкаларның җавапларын күрерсең.',
};
export default kids;
