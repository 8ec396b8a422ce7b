/** Texts of `<veche-agency-rating>` its first render needs; its parts bring theirs (agency-rating-parts.ts). Russian is the source language: other locales must have every key. */
export default {
  notFound: 'Ведомство не найдено',
  notFoundHint: 'Возможно, ссылка устарела.',
};
