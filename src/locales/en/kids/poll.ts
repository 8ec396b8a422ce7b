import type { PollMessages } from '../../../widgets/poll/messages.js';

/** The kids text layer of `<veche-poll>` in English: short, friendly sentences. Only changed keys. */
const kids: Partial<PollMessages> = {
  notFound: 'This poll is not here',
  notFoundHint: 'Maybe it was taken down.',
  openUntil: 'You can answer until {date}',
  closedOn: 'Ended {date}',
  reward: 'Answer and get {points}!',
  upcoming: 'This poll has not started yet. Come back on {date}!',
  closed: 'This poll has ended.',
  optional: 'you can skip this one',
  maxReached: 'Want a different answer? Untick one first.',
  errorRequired: 'Please pick an answer.',
  vote: 'Answer',
  send: 'Send',
  review: 'Check your answers',
  toReview: 'Back to my answers',
  thanks: 'Hooray! Your answer counts.',
  votedOn: 'You answered on {date}',
  pointsEarned: 'You got {points}!',
  receipt: 'Your code:',
  receiptHint: 'With this code you can check your answer was counted. Nobody can see what you picked.',
  checkReceipt: 'Check',
  receiptCounted: 'The answer with this code was counted on {date}.',
  results: 'How others answered',
  resultsAfterVote: 'Answer first — then you will see how others answered.',
  resultsAfterClose: 'We will show the results when the poll ends on {date}.',
  resultsHidden: 'The results of this poll are not shown.',
};
export default kids;
