import type { IdeaBoardMessages } from '../../../widgets/idea-board/messages.js';

/** The kids text layer of `<veche-idea-board>` in English: short sentences, plain words. Only changed keys. */
const kids: Partial<IdeaBoardMessages> = {
  boardTitle: 'Ideas for our city',
  searchHint: 'Type a word from an idea’s title or text.',
  propose: 'Share your idea',
  submitted: 'Hooray! We will check your idea and show it to everyone.',
};
export default kids;
