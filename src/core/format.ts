/** Numbers, dates and relative times for the widgets' texts: one import for both halves. */
export { formatNumber, formatPercent, intlLocale, pluralCategory } from './format-number.js';
export { formatDate, formatDateTime, formatRelative } from './format-date.js';
