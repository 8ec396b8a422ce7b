import type { IdeaBoardMessages } from '../../widgets/idea-board/messages.js';

const en: IdeaBoardMessages = {
  boardTitle: 'Residents’ ideas',
  search: 'Search ideas',
  searchHint: 'Searches titles and texts.',
  category: 'Category',
  status: 'Status',
  sort: 'Sort by',
  allIdeas: 'All ideas',
  myIdeas: 'My ideas',
  propose: 'Propose an idea',
  back: 'Back to the list',
  submitted: 'Your idea was sent to moderation. Thank you!',
};
export default en;
