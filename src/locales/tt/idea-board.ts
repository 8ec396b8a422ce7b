import type { IdeaBoardMessages } from '../../widgets/idea-board/messages.js';

const tt: IdeaBoardMessages = {
  boardTitle: 'Шәһәр халкы идеяләре',
  search: 'Идеяләрне эзләү',
  searchHint: 'Исем һәм текст буенча эзлибез.',
  category: 'Төркем',
  status: 'Статус',
  sort: 'Тәртип',
  allIdeas: 'Барлык идеяләр',
  myIdeas: 'Минем идеяләр',
  propose: 'Идея тәкъдим итү',
  back: 'Исемлеккә кайту',
  submitted: 'Идея модерациягә җибәрелде. Рәхмәт!',
};
export default tt;
