import type { ComplaintFormMessages } from '../../widgets/complaint-form/messages.js';

const en: ComplaintFormMessages = {
  title: 'Report a problem',
  stepOf: 'Step {index} of {count}: {name}',
  category: 'Category',
  details: 'Details',
  location: 'Place',
  photos: 'Photos',
  review: 'Check',
  next: 'Continue',
  back: 'Back',
  send: 'Send the report',
  errorSummary: 'There is a problem',
  search: 'Find a category',
  found: { one: '{count} category found', other: '{count} categories found' },
  deadline: { one: 'answer within {count} working day', other: 'answer within {count} working days' },
  errorService: 'Choose what the problem is about.',
  draftLabel: 'Draft',
  supportedTitle: 'You support this report',
  queuedTitle: 'Your report is saved and waiting to be sent',
  filedTitle: 'Report {number} sent',
};

export default en;
