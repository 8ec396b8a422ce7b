import type { ComplaintStatusMessages } from '../../../widgets/complaint-status/messages.js';

/**
 * The kids text layer of `<veche-complaint-status>` (Active Citizen Kids, 6–14 years): short
 * sentences, "ты", no officialese. The deadline keeps its date and its meaning (the last day for
 * the answer, "today", late by so many days). Only the keys that change; every other text comes
 * from ../complaint-status.ts. Applied when the widget's theme (or the page's) includes `kids`.
 */
const kids: Partial<ComplaintStatusMessages> = {
  notFound: 'Такого сообщения нет',
  notFoundHint: 'Проверь номер или ссылку.',
  mineTitle: 'Мои сообщения о проблемах',
  mineEmpty: 'Ты ещё не сообщал(а) о проблемах.',
  loadedMore: {
    one: 'Показали ещё {count} сообщение',
    few: 'Показали ещё {count} сообщения',
    many: 'Показали ещё {count} сообщений',
    other: 'Показали ещё {count} сообщения',
  },
  tracking: 'Сообщение {number}',
  agency: 'Служба: {agency}',
  filed: 'Отправлено {date}',
  status_submitted: 'Отправлено в городскую службу',
  status_in_progress: 'Работают над этим',
  status_resolved: 'Служба сообщила: исправлено',
  status_disputed: 'С решением не согласились',
  status_rejected: 'Не приняли',
  actor_citizen: 'Ты',
  actor_agency: 'Служба',
  timeline: 'История сообщения',
  dueOn: 'последний день для ответа — {date}',
  dueToday: 'Ответить должны сегодня',
  overdue: 'Ответ опаздывает на {days}',
  answer: 'Ответ службы',
  answerPhoto: 'Фото из ответа службы, {index}',
  complaintPhoto: 'Фото к сообщению, {index}',
  confirmationPhoto: 'Фото: проблема решена, {index}',
  disputePhoto: 'Фото: проблема не решена, {index}',
};
export default kids;
