/**
 * Texts every widget shares. Russian is the source language: other locales must have every key,
 * those of ./core-failure.ts and ./core-parts.ts too. The Russian texts only a failure needs are
 * in core-failure.ts, loaded with core's failure handling (src/core/failure.ts); those only a
 * widget's later views show (drafts, offline sending, deadlines) in core-parts.ts, loaded with
 * those views (src/core/part-texts.ts): a widget whose first render needs none of them does not
 * carry them.
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
  points: { one: '{count} балл', few: '{count} балла', many: '{count} баллов', other: '{count} балла' },
};
