import type { ComplaintFormMessages } from '../../../widgets/complaint-form/messages.js';

/** The kids text layer of `<veche-complaint-form>` in English: short, friendly sentences; the city's service and its deadline stay. Only changed keys. */
const kids: Partial<ComplaintFormMessages> = {
  title: 'Tell the city about a problem',
  category: 'What is wrong',
  details: 'Tell us more',
  location: 'Where',
  review: 'Check it all',
  next: 'Next',
  send: 'Send to the city service',
  errorSummary: 'Something needs fixing',
  search: 'Find your problem by a word',
  found: { one: '{count} match found', other: '{count} matches found' },
  deadline: { one: 'they must answer within {count} working day', other: 'they must answer within {count} working days' },
  errorService: 'Pick what is wrong.',
  supportedTitle: 'You added your voice to this report',
  filedTitle: 'Done! Report {number} went to the city service',
};
export default kids;
