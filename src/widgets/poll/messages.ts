import { defineMessages, LocalizeController, type LocalizedHost, type Params, type Translation } from '../../core/localize.js';
import type { Locale } from '../../core/config.js';
import ru from '../../locales/ru/poll.js';

export type PollMessages = Translation<typeof ru>;

export const pollMessages = defineMessages(
  'poll',
  ru,
  {
    en: () => import('../../locales/en/poll.js'),
    tt: () => import('../../locales/tt/poll.js'),
  },
  {
    kids: {
      ru: () => import('../../locales/ru/kids/poll.js'),
      en: () => import('../../locales/en/kids/poll.js'),
      tt: () => import('../../locales/tt/kids/poll.js'),
    },
  },
);

/**
 * The poll's texts. A value that ends with its own stop (the Russian date, «11 ноября 2026 г.»)
 * also ends the sentence, as in print: no locale, text layer or editor's override shows «г..»
 * where a message puts its stop after the value. An ellipsis ("...") is left as it is.
 */
export class PollTexts extends LocalizeController<typeof ru> {
  constructor(host: LocalizedHost, locale: () => Locale) {
    super(host, pollMessages, locale);
  }

  override t(key: keyof typeof ru & string, params?: Params): string {
    const text = super.t(key, params);
    return params ? text.replace(/([^.])\.\.(?!\.)/g, '$1.') : text;
  }
}
