import type { AgencyRatingPartMessages } from '../../../widgets/agency-rating/part-messages.js';

/** The kids text layer of `<veche-agency-rating>` in English: short, friendly sentences ("How well did they fix it?"); the rules stay. Only changed keys. */
const kids: Partial<AgencyRatingPartMessages> = {
  distribution: 'How many of each rating',
  medianDays: 'Usually fixed in',
  openNow: 'Open reports now',
  website: 'Service website',
  reviews: 'What people say',
  noReviews: 'Nobody has written what they think yet.',
  rateTitle: 'How well did they fix it?',
  rateHint: 'You can rate a service for your own closed report that it worked on. One report, one rating.',
  starsRequired: 'Pick a rating from 1 to 5.',
  complaintLabel: 'Your report',
  comment: 'What you think',
  commentTooLong: 'That is longer than {max} characters — make it shorter.',
  optional: 'you can skip this one',
  queued: 'We saved your rating and will send it when you are back online.',
  thanks: 'Thank you! Your rating counts.',
  pointsEarned: 'You got {points}!',
  signInToRate: 'Sign in through the portal to give a rating.',
  noClosedComplaint:
    'You can give a rating once the service has fixed your problem and you have said it is fixed. You have no closed reports this service handled yet.',
  allRated: 'You have already rated this service for all your closed reports. One report, one rating.',
  alreadyRated: 'This report already has a rating. One report, one rating — a second one is not accepted.',
  complaintNotEligible: 'Report {id} can’t be rated: it is not closed, not yours, already rated, or another service handled it.',
  notEligible: 'The rating was not accepted: you can only rate your own closed report that this service handled.',
  rankingTitle: 'City services ranking',
  rankingCaption: 'Services ranked by people’s ratings. Press a column heading to change the order.',
  colAgency: 'Service',
  colVolume: 'Reports',
  sortedBy: 'Sorted by {column}, highest first.',
  emptyRanking: 'No services yet.',
  notFound: 'This service is not here',
  notFoundHint: 'Maybe the link is old.',
};
export default kids;
