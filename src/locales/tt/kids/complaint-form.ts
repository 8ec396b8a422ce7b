import type { ComplaintFormMessages } from '../../../widgets/complaint-form/messages.js';

/** The kids text layer of `<veche-complaint-form>` in Tatar: short sentences, "син"; the city's service and its deadline stay. Only changed keys. */
const kids: Partial<ComplaintFormMessages> = {
  title: 'Шәһәргә проблема турында хәбәр ит',
  category: 'Нәрсә булды',
  details: 'Тулырак сөйлә',
  location: 'Кайда',
  review: 'Барысын да тикшер',
  send: 'Шәһәр хезмәтенә җибәрергә',
  errorSummary: 'Хаталарны төзәт',
  search: 'Проблеманы сүз буенча тап',
  found: { other: '{count} вариант табылды' },
  deadline: { other: '{count} эш көне эчендә җавап бирергә тиешләр' },
  errorService: 'Нәрсә булганын сайла.',
  supportedTitle: 'Син бу хәбәрне хупладың',
  queuedTitle: 'Хәбәрең сакланды һәм җибәрелүен көтә',
  filedTitle: 'Әзер! {number} хәбәре шәһәр хезмәтенә җибәрелде',
};
export default kids;
