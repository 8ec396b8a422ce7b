/**
 * Numbers and plural categories through `Intl`, with formatters cached per locale. Dates are in
 * format-date.ts, apart: every entry needs numbers (localize.ts interpolates them), but a first
 * render that shows no date should not carry the month names. Widgets import both from format.ts.
 * Tatar falls back to Russian formats where the browser has no Tatar data: Tatar readers
 * in Russia read Russian dates, and an English fallback would be worse.
 *
 * The first `Intl` number or date formatter on a page costs V8 a one-time set-up of its locale
 * data: 130–250 ms on a phone-class CPU (4× throttle), one long task that cannot be split. The
 * formats the widgets show on a first render — whole and decimal numbers, percentages, the long
 * date and date-time in Russian and English — are therefore written out (dates in format-date.ts), producing exactly
 * what `Intl` produces (test/browser/core/format.test.ts compares them over many values); any
 * other format or locale goes to `Intl`. Plural rules are cheap and always come from `Intl`.
 */
import type { Locale } from './config.js';

const cache = new Map<string, unknown>();

export function cached<T>(key: string, create: () => T): T {
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

/** What the written-out formats need of a locale (the CLDR data `Intl` has for ru and en). */
const SYMBOLS = {
  ru: {
    group: '\u00a0',
    decimal: ',',
    percent: '\u00a0%',
    rubles: (amount: string) => `${amount}\u00a0₽`,
  },
  en: {
    group: ',',
    decimal: '.',
    percent: '%',
    rubles: (amount: string) => `RUB\u00a0${amount}`,
  },
} as const;

const symbolsFor = (locale: Locale) => (locale === 'ru' || locale === 'en' ? SYMBOLS[locale] : undefined);

/**
 * `abs × 10^shift` rounded half away from zero to `max` fraction digits, as [integer, fraction]
 * digit strings — like Intl, from the number's shortest decimal form: the exponent is applied to
 * that text, so 1.005 rounds to 1.01 (not 1.00) and 1.45 % of 0.0145 stays 1.45 before rounding.
 * Undefined for magnitudes written with an exponent.
 */
function roundDecimal(abs: number, shift: number, max: number): [string, string] | undefined {
  const text = String(abs);
  const scaled = Math.round(Number(`${text}e${shift + max}`));
  if (/e/i.test(text) || !(scaled < 1e21)) return undefined;
  const digits = String(scaled).padStart(max + 1, '0');
  return [digits.slice(0, digits.length - max), digits.slice(digits.length - max)];
}

/**
 * A decimal number, a percentage or whole rubles written out for ru and en; undefined when Intl
 * must do it.
 */
function writtenNumber(locale: Locale, value: number, options: Intl.NumberFormatOptions): string | undefined {
  const symbols = symbolsFor(locale);
  const { style = 'decimal', minimumFractionDigits, maximumFractionDigits, currency, ...other } = options;
  const rubles = style === 'currency' && currency === 'RUB' && maximumFractionDigits === 0 && !minimumFractionDigits;
  const known = style === 'decimal' || style === 'percent' || rubles;
  if (!symbols || !Number.isFinite(value) || Object.keys(other).length > 0 || !known || (currency && !rubles)) return undefined;
  const percent = style === 'percent';
  const min = minimumFractionDigits ?? 0;
  const max = Math.max(min, maximumFractionDigits ?? (percent ? 0 : 3));
  const rounded = roundDecimal(Math.abs(value), percent ? 2 : 0, max);
  if (!rounded) return undefined;
  const [int, rawFraction] = rounded;
  const fraction = rawFraction.replace(/0+$/, '').padEnd(min, '0');
  // Intl keeps the sign of a negative value that rounds to zero ("-0").
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, symbols.group);
  if (rubles) return sign + symbols.rubles(grouped);
  return sign + grouped + (fraction ? symbols.decimal + fraction : '') + (percent ? symbols.percent : '');
}

export function formatNumber(locale: Locale, value: number, options: Intl.NumberFormatOptions = {}): string {
  const written = writtenNumber(locale, value, options);
  if (written !== undefined) return written;
  const key = `n:${locale}:${JSON.stringify(options)}`;
  return cached(key, () => new Intl.NumberFormat(intlLocale(locale), options)).format(value);
}

export function formatPercent(locale: Locale, fraction: number): string {
  return formatNumber(locale, fraction, { style: 'percent', maximumFractionDigits: fraction < 0.1 && fraction > 0 ? 1 : 0 });
}

export function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  return cached(`p:${locale}`, () => new Intl.PluralRules(intlLocale(locale))).select(count);
}
