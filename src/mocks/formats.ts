/**
 * What the contract's numbers and dates mean beyond their JSON Schema formats, as code that the
 * MSW mocks and the reference server (server/domain/context.ts) share, so that both read a form,
 * a query or an Open311 attribute alike and the contract suite finds nothing between them. Here
 * rather than under api/: the demo's dev server sends every /api/… request to the backend.
 */

/**
 * A number as a person or a form writes it: digits, an optional sign and fraction. JavaScript's
 * Number() also reads "Infinity", "0x1A", "1e3" and " 5 ", which no form field means.
 */
export const PLAIN_DECIMAL = /^-?\d{1,15}(\.\d{1,20})?$/;

/**
 * The length of a text in characters (Unicode code points), as the contract's `maxLength` counts it
 * (JSON Schema counts code points): String.length counts UTF-16 code units, two for an emoji or any
 * other character outside the Basic Multilingual Plane, and would refuse texts the contract allows.
 * Every length limit of the mocks and the server is checked with this.
 */
export function textLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}
/**
 * Whether a date-time pattern's match — year, month, day, hour, minute, second, zone hours and
 * minutes, in that order — names a real moment: no 30 February, hour 24 or zone +25:00.
 */
export function inCalendar(match: RegExpExecArray | null): boolean {
  if (!match) return false;
  const [year, month, day, hour, minute, second, zoneHours, zoneMinutes] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59 && zoneHours <= 23 && zoneMinutes <= 59;
}

/** ISO 8601 with its zone: upper-case T and Z, seconds optional (Open311 queries and datetime attributes). */
const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d{1,9})?)?(?:Z|[+-](\d\d):(\d\d))$/;

/**
 * An ISO 8601 date and time with its zone that names a real moment, or null. `Date` alone rolls
 * 30 February over to 2 March and cannot hold a leap second (23:59:60), which format checks
 * accept.
 */
export function calendarDateTime(text: string): Date | null {
  if (!inCalendar(DATE_TIME.exec(text))) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Half of a surrogate pair without its other half: a UTF-16 code unit that is no character. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const pointerPart = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Errors for the strings (values and member names) of a parsed JSON body that hold a lone surrogate,
 * appended to `out`. JSON's `\ud800` escapes can spell one, the schema cannot forbid it, and SQLite
 * would store it as U+FFFD: the mocks and the server refuse it (400, code `encoding`) rather than
 * alter it.
 */
export function loneSurrogates<E extends { pointer: string; detail: string; code?: string }>(value: unknown, pointer = '', out: E[] = []): E[] {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) out.push({ pointer: pointer || '/', detail: 'строка содержит одиночный суррогат UTF-16 — это не символ Юникода', code: 'encoding' } as E);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => loneSurrogates(v, `${pointer}/${i}`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = `${pointer}/${pointerPart(k)}`;
      if (LONE_SURROGATE.test(k)) out.push({ pointer: at, detail: 'имя поля содержит одиночный суррогат UTF-16 — это не символ Юникода', code: 'encoding' } as E);
      else loneSurrogates(v, at, out);
    }
  }
  return out;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/**
 * The start of a text for a card: a text over 200 characters (code points) is cut to at most 197
 * and ends with an ellipsis. Cut between graphemes, so neither half of a surrogate pair (a lone
 * surrogate, not valid Unicode) nor part of an emoji sequence or of a letter with its accent ends it.
 */
export function excerpt(text: string): string {
  if (textLength(text) <= 200) return text;
  let end = 0;
  let count = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    count += textLength(segment);
    if (count > 197) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end).trimEnd()}…`;
}
