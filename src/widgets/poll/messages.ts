import { defineMessages, type Translation } from '../../core/localize.js';
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
