import type { IdeaBoardMessages } from '../../../widgets/idea-board/messages.js';

/**
 * The kids text layer of `<veche-idea-board>` (Active Citizen Kids, 6–14 years): short
 * sentences, "ты", no officialese. Only the keys that change; every other text comes from
 * ../idea-board.ts. Applied when the widget's theme (or the page's) includes `kids`.
 */
const kids: Partial<IdeaBoardMessages> = {
  boardTitle: 'Идеи для города',
  searchHint: 'Напиши слово из названия или текста идеи.',
  propose: 'Предложить свою идею',
  submitted: 'Ура! Идею проверят и покажут всем.',
};
export default kids;
