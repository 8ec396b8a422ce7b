import type { ComplaintConfirmationMessages } from '../../../widgets/complaint-status/confirmation-messages.js';

/** The kids text layer of `<veche-complaint-status>`'s confirm-or-dispute panel in English: short, friendly sentences ("The service says it’s fixed. Is it?"); the date, what each answer does and the photo limits stay. Only changed keys. */
const kids: Partial<ComplaintConfirmationMessages> = {
  confirmHint: 'The service says it’s fixed. Is it? Answer by {date}.',
  confirmYes: 'Yes, it’s fixed',
  confirmNo: 'No, it’s not',
  disputeComment: 'Your note for the service',
  disputeCommentRequired: 'Write what wasn’t done — the service will get your note.',
  commentTooLong: 'That is longer than {max} characters — make it shorter.',
  photo: 'Photos (you can skip this, up to {max})',
  photoType: 'Only a picture works here: JPEG, PNG, WebP or GIF.',
  photoSize: 'The photo is bigger than 5 MB — pick a smaller one.',
  photoLimit: 'You can add up to {max} photos — the extra ones weren’t added.',
  photoFull: 'You can’t add more photos (up to {max}).',
  sendDispute: 'Say it’s not fixed',
  queued: 'We saved your answer and will send it when you are back online.',
  confirmed: 'Thank you! You said it’s fixed, so the report is closed.',
  disputed: 'You said it’s not fixed. The report went back to the service.',
  confirmExpired: 'The time to answer ended on {date}.',
  notConfirmable: 'This report isn’t waiting for your answer any more — here is where it is now.',
  outcome_confirmed: 'it’s fixed',
  outcome_disputed: 'it’s not fixed',
  rateOffer: 'Rate how well the service dealt with your report.',
  rated: 'You already rated the service for this report.',
};
export default kids;
