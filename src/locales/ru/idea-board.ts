/** Texts of `<veche-idea-board>`. Russian is the source language: other locales must have every key. */
export default {
  boardTitle: 'Идеи жителей',
  search: 'Поиск идей',
  searchHint: 'Ищем по названию и тексту идеи.',
  category: 'Категория',
  status: 'Статус',
  sort: 'Сортировка',
  allIdeas: 'Все идеи',
  myIdeas: 'Мои идеи',
  propose: 'Предложить идею',
  back: 'Назад к списку',
  submitted: 'Идея отправлена на модерацию. Спасибо!',
};
