import type { IdeaBoardMessages } from '../../../widgets/idea-board/messages.js';

/** The kids text layer of `<veche-idea-board>` in English: short sentences, plain words. Only changed keys. */
const kids: Partial<IdeaBoardMessages> = {
  boardTitle: 'Ideas for our city',
  searchHint: 'Type a word from an idea’s title or text.',
  sortPopular: 'Most liked',
  sortTrending: 'Liked right now',
  sortThreshold: 'Almost there',
  statusModeration: 'Being checked',
  statusReview: 'The city is thinking',
  statusAccepted: 'The city said yes',
  statusImplemented: 'Done!',
  statusRejected: 'Not this time',
  propose: 'Share your idea',
  listHint: 'Up and down arrows go to another idea, Enter opens it.',
  empty: 'No ideas yet. Think up the first one!',
  noResults: 'Nothing found.',
  noResultsHint: 'Try another word or reset the filters.',
  mineEmpty: 'You have not shared any ideas yet.',
  endOfList: 'No more ideas.',
  toThreshold: {
    one: '{supporters} of {count} vote needed for the city to get this idea',
    other: '{supporters} of {count} votes needed for the city to get this idea',
  },
  thresholdReached: 'Enough votes — the city will get this idea!',
  supported: 'You like this',
  withdraw: 'Changed my mind',
  supportDone: 'You like “{title}”.',
  withdrawDone: 'You no longer like “{title}”.',
  supportFailed: 'That didn’t work: {reason}',
  supportClosed: 'You can’t support this idea yet.',
  submitted: 'Hooray! We will check your idea and show it to everyone.',
};
export default kids;
