import type { ComplaintFormMessages } from '../../../widgets/complaint-form/messages.js';

/**
 * The kids text layer of `<veche-complaint-form>` (Active Citizen Kids, 6–14 years): short
 * sentences, "ты", no officialese — a broken swing or a pothole near school is reported in plain
 * words, and it stays clear that the message goes to the city's service, which must answer in
 * the same number of working days. Only the keys that change; every other text comes from
 * ../complaint-form.ts. Applied when the widget's theme (or the page's) includes `kids`.
 */
const kids: Partial<ComplaintFormMessages> = {
  title: 'Сообщи городу о проблеме',
  category: 'Что случилось',
  details: 'Расскажи подробнее',
  location: 'Где это',
  review: 'Проверь всё',
  next: 'Дальше',
  send: 'Отправить в городскую службу',
  errorSummary: 'Нужно кое-что поправить',
  search: 'Найди проблему по слову',
  found: {
    one: 'Нашёлся {count} вариант',
    few: 'Нашлось {count} варианта',
    many: 'Нашлось {count} вариантов',
    other: 'Нашлось {count} варианта',
  },
  deadline: {
    one: 'должны ответить за {count} рабочий день',
    few: 'должны ответить за {count} рабочих дня',
    many: 'должны ответить за {count} рабочих дней',
    other: 'должны ответить за {count} рабочего дня',
  },
  errorService: 'Выбери, что случилось.',
  supportedTitle: 'Ты поддержал(а) сообщение о проблеме',
  queuedTitle: 'Твоё сообщение сохранено и ждёт отправки',
  filedTitle: 'Готово! Сообщение {number} отправлено в городскую службу',
};
export default kids;
