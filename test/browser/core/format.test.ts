import { expect } from '@open-wc/testing';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../../src/core/format.js';

// core/format.ts writes the first-render formats out by hand (the first Intl formatter on a page
// is a long task). Here they must equal what Intl itself writes, value for value.
const LOCALES = ['ru', 'en'] as const;

/** A reproducible spread of numbers: integers, halves, binary-awkward decimals, signs, zeros. */
function sampleNumbers(): number[] {
  const fixed = [0, -0, 1, 7, 999, 1000, 1234, 12345, 999999, 1e6, 123456789, 2 ** 40, -1, -1234, -0.0001, 0.5, 1.5, 2.5, 4.25, 1.005,
    1.0049, 2.675, 9.995, 99.95, 0.1 + 0.2, 1234.5678, 0.0001, 0.001, 0.00049, 3.14159, 1e-6, 4.35, 0.045, 0.0145];
  let seed = 42;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const drawn = Array.from({ length: 400 }, () => {
    const digits = Math.floor(random() * 5);
    const value = (random() - 0.3) * 10 ** Math.floor(random() * 8);
    return Math.round(value * 10 ** digits) / 10 ** digits;
  });
  return [...fixed, ...drawn];
}

describe('format: written-out formats equal Intl', () => {
  // First in the file: formatters are cached per page, so a test before it could hide a construction.
  it('the first-render formats construct no Intl formatter (the page-wide set-up is a long task)', () => {
    const { NumberFormat, DateTimeFormat } = Intl;
    const constructed: string[] = [];
    const spy = <T extends object>(name: string, real: T) =>
      new Proxy(real, { construct: (target, args) => (constructed.push(name), Reflect.construct(target as never, args)) });
    Object.assign(Intl, { NumberFormat: spy('NumberFormat', NumberFormat), DateTimeFormat: spy('DateTimeFormat', DateTimeFormat) });
    try {
      for (const locale of LOCALES) {
        formatNumber(locale, 1234567);
        formatNumber(locale, 4.5, { maximumFractionDigits: 1 });
        formatPercent(locale, 0.045);
        formatNumber(locale, 500000, { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 });
        formatDate(locale, '2026-11-26T10:00:00Z');
        formatDateTime(locale, Date.now());
      }
    } finally {
      Object.assign(Intl, { NumberFormat, DateTimeFormat });
    }
    expect(constructed).to.deep.equal([]);
  });

  const numberOptions: Intl.NumberFormatOptions[] = [
    {},
    { maximumFractionDigits: 0 },
    { maximumFractionDigits: 1 },
    { minimumFractionDigits: 1, maximumFractionDigits: 1 },
    { minimumFractionDigits: 5, maximumFractionDigits: 5 },
    { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 },
  ];

  for (const locale of LOCALES) {
    it(`numbers in ${locale}`, () => {
      for (const options of numberOptions) {
        for (const value of sampleNumbers()) {
          expect(formatNumber(locale, value, options), `${value} ${JSON.stringify(options)}`).to.equal(new Intl.NumberFormat(locale, options).format(value));
        }
      }
    });

    it(`percentages in ${locale}`, () => {
      const shares = [0, 0.045, 0.0145, 0.5, 0.999, 1, 1 / 3, 2 / 3, 0.00049, 0.0995, 0.09951, 0.125, ...sampleNumbers().map((v) => Math.abs(v) % 1)];
      for (const share of shares) {
        const maximumFractionDigits = share < 0.1 && share > 0 ? 1 : 0;
        expect(formatPercent(locale, share), String(share)).to.equal(new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits }).format(share));
      }
    });

    it(`long dates and date-times in ${locale}`, () => {
      const dateOnly: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
      const withTime: Intl.DateTimeFormatOptions = { ...dateOnly, hour: '2-digit', minute: '2-digit' };
      for (let i = 0; i < 24 * 14; i++) {
        const date = new Date(1999 + (i % 32), i % 12, 1 + (i % 28), i % 24, (i * 7) % 60);
        expect(formatDate(locale, date), date.toISOString()).to.equal(new Intl.DateTimeFormat(locale, dateOnly).format(date));
        expect(formatDateTime(locale, date.toISOString()), date.toISOString()).to.equal(new Intl.DateTimeFormat(locale, withTime).format(date));
      }
    });
  }

  it('Tatar dates are numeric, never Russian month names in a Tatar sentence', () => {
    const date = new Date(2026, 10, 9, 8, 5);
    expect(formatDate('tt', date)).to.equal('09.11.2026');
    expect(formatDateTime('tt', date)).to.equal('09.11.2026, 08:05');
    expect(formatDate('tt', new Date(2026, 11, 25))).to.equal('25.12.2026');
    expect(formatDateTime('tt', new Date(2026, 0, 1, 23, 59))).not.to.match(/[а-яё]/i);
  });

  it('other formats and locales still go to Intl', () => {
    for (const options of [{ style: 'currency', currency: 'RUB' }, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }] as const) {
      expect(formatNumber('en', 1500.5, options)).to.equal(new Intl.NumberFormat('en', options).format(1500.5));
    }
    const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit' };
    const date = new Date(2026, 10, 26, 14, 5, 9);
    expect(formatDate('ru', date, time)).to.equal(new Intl.DateTimeFormat('ru', time).format(date));
    expect(formatNumber('tt', 12345)).to.equal(new Intl.NumberFormat(Intl.NumberFormat.supportedLocalesOf(['tt']).length ? 'tt' : 'ru').format(12345));
    expect(formatDate('ru', 'not a date')).to.equal('');
  });
});
