import type { ComplaintStatusMessages } from '../../../widgets/complaint-status/messages.js';

/** The kids text layer of `<veche-complaint-status>` in Tatar: short sentences, "син"; the deadline keeps its date and meaning. Only changed keys. */
const kids: Partial<ComplaintStatusMessages> = {
  notFound: 'Мондый хәбәр юк',
  notFoundHint: 'Номерны яки сылтаманы тикшер.',
  mineTitle: 'Минем хәбәрләрем',
  mineEmpty: 'Син әле бер проблема турында да хәбәр итмәдең.',
  loadedMore: { other: 'Тагын {count} хәбәр күрсәтелде' },
  tracking: '{number} хәбәре',
  agency: 'Хезмәт: {agency}',
  filed: '{date} җибәрелде',
  status_submitted: 'Шәһәр хезмәтенә җибәрелде',
  status_in_progress: 'Эшлиләр',
  status_resolved: 'Хезмәт әйтүенчә, төзәтелде',
  status_disputed: 'Төзәтү белән риза булмадылар',
  status_rejected: 'Кабул ителмәде',
  actor_citizen: 'Син',
  actor_agency: 'Хезмәт',
  timeline: 'Нәрсәләр булды',
  dueOn: 'җавап бирү өчен соңгы көн — {date}',
  dueToday: 'Бүген җавап бирергә тиешләр',
  overdue: 'Җавап {days} соңга кала',
  answer: 'Хезмәт җавабы',
  answerPhoto: 'Хезмәт җавабыннан фото, {index}',
  complaintPhoto: 'Хәбәргә фото, {index}',
  confirmationPhoto: 'Төзәтелгәнне күрсәтүче фото, {index}',
  disputePhoto: 'Төзәтелмәгәнне күрсәтүче фото, {index}',
};
export default kids;
