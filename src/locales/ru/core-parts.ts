/**
 * The Russian core texts that only widgets' later views show — a restored draft, a vote or report
 * kept for sending when the connection is back, a required-field mark, deadlines in days, counts
 * of people. They load with those views (src/core/part-texts.ts), which add them to the core
 * namespace (../core.ts). Other locales keep them in their core.ts, which loads on demand anyway.
 */
export default {
  offline: 'Нет подключения к интернету. Введённое сохранено и будет отправлено, когда связь появится.',
  draftRestored: 'Мы восстановили ваш черновик от {date}.',
  draftContinue: 'Продолжить',
  draftDiscard: 'Начать заново',
  required: 'обязательное поле',
  days: { one: '{count} день', few: '{count} дня', many: '{count} дней', other: '{count} дня' },
  people: { one: '{count} человек', few: '{count} человека', many: '{count} человек', other: '{count} человека' },
};
