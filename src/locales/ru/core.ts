/**
 * Texts every widget shares. Russian is the source language: other locales must have every key,
 * those of ./core-failure.ts too. The Russian texts only a failure needs are there, loaded with
 * core's failure handling (src/core/failure.ts), so that no widget's first render carries them.
 */
export default {
  loading: 'Загрузка…',
  configErrorTitle: 'Этот блок сейчас недоступен',
  configErrorHint: 'Администратору сайта: виджет настроен с ошибкой, подробности в консоли браузера.',
  // A signed-out citizen's first render says why to sign in: these are no failure texts.
  signInTitle: 'Нужно войти',
  signInText: 'Войдите через портал, чтобы продолжить. Всё, что вы ввели, сохранится.',
  signInAction: 'Войти',
  errorUnknown: 'Что-то пошло не так. Попробуйте ещё раз.',
  retry: 'Повторить',
  offline: 'Нет подключения к интернету. Введённое сохранено и будет отправлено, когда связь появится.',
  draftRestored: 'Мы восстановили ваш черновик от {date}.',
  draftContinue: 'Продолжить',
  draftDiscard: 'Начать заново',
  required: 'обязательное поле',
  points: { one: '{count} балл', few: '{count} балла', many: '{count} баллов', other: '{count} балла' },
  days: { one: '{count} день', few: '{count} дня', many: '{count} дней', other: '{count} дня' },
  people: { one: '{count} человек', few: '{count} человека', many: '{count} человек', other: '{count} человека' },
};
