import type { ComplaintStatusMessages } from '../../../widgets/complaint-status/messages.js';

/** The kids text layer of `<veche-complaint-status>` in English: short, friendly sentences; the deadline keeps its date and meaning. Only changed keys. */
const kids: Partial<ComplaintStatusMessages> = {
  notFound: 'We can’t find this report',
  notFoundHint: 'Check the number or the link.',
  mineTitle: 'My reports',
  mineEmpty: 'You have not reported a problem yet.',
  loadedMore: { one: '{count} more report shown', other: '{count} more reports shown' },
  tracking: 'Report {number}',
  agency: 'Service: {agency}',
  filed: 'Sent {date}',
  status_submitted: 'Sent to the city service',
  status_in_progress: 'Being worked on',
  status_resolved: 'The service says it’s fixed',
  status_disputed: 'Fix not accepted',
  status_rejected: 'Turned down',
  actor_agency: 'Service',
  timeline: 'What has happened',
  dueOn: 'last day for an answer: {date}',
  dueToday: 'They must answer today',
  overdue: 'The answer is {days} late',
  answer: 'The service’s answer',
  answerPhoto: 'Photo from the service’s answer, {index}',
  complaintPhoto: 'Photo of the report, {index}',
  confirmationPhoto: 'Photo showing it is fixed, {index}',
  disputePhoto: 'Photo showing it is not fixed, {index}',
};
export default kids;
