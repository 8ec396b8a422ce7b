/**
 * Numbers, dates and relative times through `Intl`, with formatters cached per locale.
 * Tatar falls back to Russian formats where the browser has no Tatar data: Tatar readers
 * in Russia read Russian dates, and an English fallback would be worse.
 */
import type { Locale } from './config.js';

const cache = new Map<string, unknown>();

function cached<T>(key: string, create: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = create()));
  return value;
}

/** The locale tag to hand to `Intl`: the locale itself when supported, else Russian. */
export function intlLocale(locale: Locale): string {
  // Every browser has Russian and English; only Tatar needs asking, and asking is slow.
  if (locale !== 'tt') return locale;
  return cached(`supported:${locale}`, () => (Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'ru'));
}

export function formatNumber(locale: Locale, value: number, options: Intl.NumberFormatOptions = {}): string {
  const key = `n:${locale}:${JSON.stringify(options)}`;
  return cached(key, () => new Intl.NumberFormat(intlLocale(locale), options)).format(value);
}

export function formatPercent(locale: Locale, fraction: number): string {
  return formatNumber(locale, fraction, { style: 'percent', maximumFractionDigits: fraction < 0.1 && fraction > 0 ? 1 : 0 });
}

export function formatDate(
  locale: Locale,
  value: string | number | Date,
  options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' },
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const key = `d:${locale}:${JSON.stringify(options)}`;
  return cached(key, () => new Intl.DateTimeFormat(intlLocale(locale), options)).format(date);
}

export function formatDateTime(locale: Locale, value: string | number | Date): string {
  return formatDate(locale, value, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
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

export function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  return cached(`p:${locale}`, () => new Intl.PluralRules(intlLocale(locale))).select(count);
}
