import type { ComplaintFormMessages } from '../../widgets/complaint-form/messages.js';

const tt: ComplaintFormMessages = {
  title: 'Проблема турында хәбәр итү',
  stepOf: '{count} адымның {index}нче адымы: {name}',
  category: 'Категория',
  details: 'Тулырак',
  location: 'Урын',
  photos: 'Фотолар',
  review: 'Тикшерү',
  next: 'Алга',
  back: 'Артка',
  send: 'Мөрәҗәгатьне җибәрү',
  errorSummary: 'Хаталарны төзәтегез',
  search: 'Категорияне табу',
  found: { other: '{count} категория табылды' },
  deadline: { other: '{count} эш көне эчендә җавап' },
  errorService: 'Проблема категориясен сайлагыз.',
  draftLabel: 'Каралама',
  supportedTitle: 'Сез мөрәҗәгатьне хупладыгыз',
  queuedTitle: 'Мөрәҗәгать сакланды һәм җибәрелүен көтә',
  filedTitle: '{number} мөрәҗәгате җибәрелде',
};

export default tt;
