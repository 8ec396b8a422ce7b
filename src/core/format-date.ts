/**
 * Dates and relative times through `Intl`, with the long date and date-time in Russian and
 * English written out (see format-number.ts for why), and in Tatar as numbers.
 */
import type { Locale } from './config.js';
import { cached, intlLocale } from './format-number.js';

/** Month names as the long date writes them (Russian in the genitive); apart, so number-only bundles drop them. */
const MONTHS = {
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

const LONG_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const LONG_DATE_TIME: Intl.DateTimeFormatOptions = { ...LONG_DATE, hour: '2-digit', minute: '2-digit' };

const sameOptions = (a: Intl.DateTimeFormatOptions, b: Intl.DateTimeFormatOptions) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a[k as keyof typeof a] === v);

/** "26 ноября 2026 г. в 14:05" / "November 26, 2026 at 02:05 PM" written out; undefined when Intl must do it. */
function writtenDate(locale: Locale, date: Date, options: Intl.DateTimeFormatOptions): string | undefined {
  const withTime = sameOptions(options, LONG_DATE_TIME);
  const year = date.getFullYear();
  if ((!withTime && !sameOptions(options, LONG_DATE)) || year < 1000 || year > 9999) return undefined;
  const day = date.getDate();
  const two = (n: number) => String(n).padStart(2, '0');
  const minutes = two(date.getMinutes());
  const hours = date.getHours();
  // Tatar: browsers mostly lack its Intl data (Intl would then write Russian month names inside
  // a Tatar sentence); the numeric date is how Tatarstan writes dates too, and needs no grammar.
  if (locale === 'tt') return `${two(day)}.${two(date.getMonth() + 1)}.${year}${withTime ? `, ${two(hours)}:${minutes}` : ''}`;
  const months = locale === 'ru' || locale === 'en' ? MONTHS[locale] : undefined;
  if (!months) return undefined;
  const month = months[date.getMonth()]!;
  if (locale === 'ru') {
    const text = `${day} ${month} ${year} г.`;
    return withTime ? `${text} в ${two(hours)}:${minutes}` : text;
  }
  const text = `${month} ${day}, ${year}`;
  return withTime ? `${text} at ${two(hours % 12 || 12)}:${minutes} ${hours < 12 ? 'AM' : 'PM'}` : text;
}

export function formatDate(locale: Locale, value: string | number | Date, options: Intl.DateTimeFormatOptions = LONG_DATE): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const written = writtenDate(locale, date, options);
  if (written !== undefined) return written;
  const key = `d:${locale}:${JSON.stringify(options)}`;
  return cached(key, () => new Intl.DateTimeFormat(intlLocale(locale), options)).format(date);
}

export function formatDateTime(locale: Locale, value: string | number | Date): string {
  return formatDate(locale, value, LONG_DATE_TIME);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600e3],
  ['month', 30 * 24 * 3600e3],
  ['week', 7 * 24 * 3600e3],
  ['day', 24 * 3600e3],
  ['hour', 3600e3],
  ['minute', 60e3],
  ['second', 1e3],
];

/** "через 3 дня", "2 часа назад". */
export function formatRelative(locale: Locale, value: string | number | Date, now: number = Date.now()): string {
  const time = value instanceof Date ? value.getTime() : new Date(value).getTime();
  if (Number.isNaN(time)) return '';
  const diff = time - now;
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? UNITS[UNITS.length - 1]!;
  const formatter = cached(`r:${locale}`, () => new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' }));
  return formatter.format(Math.round(diff / size), unit);
}

