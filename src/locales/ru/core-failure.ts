/**
 * The Russian core texts only a failure needs: they load
 * with src/core/failure.ts, which adds them to the core namespace (../core.ts). Other locales keep
 * them in their core.ts, which loads on demand anyway.
 */
export default {
  errorNetwork: 'Нет связи с сервером. Проверьте подключение к интернету.',
  errorServer: 'Сервис временно не отвечает. Попробуйте ещё раз через минуту.',
  errorNotFound: 'Не найдено. Возможно, ссылка устарела.',
  errorForbidden: 'У вас нет доступа к этому действию.',
  errorRateLimited: 'Слишком много запросов. Подождите немного и попробуйте снова.',
  errorValidation: 'Проверьте введённые данные.',
};
