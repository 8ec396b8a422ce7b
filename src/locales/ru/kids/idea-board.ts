import type { IdeaBoardMessages } from '../../../widgets/idea-board/messages.js';

/**
 * The kids text layer of `<veche-idea-board>` (Active Citizen Kids, 6–14 years): short
 * sentences, "ты", no officialese. Only the keys that change; every other text comes from
 * ../idea-board.ts. Applied when the widget's theme (or the page's) includes `kids`.
 */
const kids: Partial<IdeaBoardMessages> = {
  boardTitle: 'Идеи для города',
  searchHint: 'Напиши слово из названия или текста идеи.',
  sortPopular: 'Больше всего поддержки',
  sortTrending: 'Сейчас поддерживают',
  sortThreshold: 'Почти набрали голоса',
  statusModeration: 'Проверяем',
  statusReview: 'Город думает',
  statusAccepted: 'Город согласился',
  statusImplemented: 'Сделано!',
  statusRejected: 'Не получилось',
  propose: 'Предложить свою идею',
  listHint: 'Стрелки вверх и вниз — к другой идее, Enter — открыть её.',
  empty: 'Идей пока нет. Придумай первую!',
  noResults: 'Ничего не нашли.',
  noResultsHint: 'Попробуй другое слово или сбрось фильтры.',
  mineEmpty: 'Ты ещё не предлагал(а) идей.',
  endOfList: 'Больше идей нет.',
  // Keyed by the threshold (`count`), as in ../idea-board.ts.
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
  submitted: 'Ура! Идею проверят и покажут всем.',
};
export default kids;
