import { defineMessages, type Translation } from '../../core/localize.js';
import ru from '../../locales/ru/idea-board.js';

export type IdeaBoardMessages = Translation<typeof ru>;

export const ideaBoardMessages = defineMessages(
  'idea-board',
  ru,
  {
    en: () => import('../../locales/en/idea-board.js'),
    tt: () => import('../../locales/tt/idea-board.js'),
  },
  {
    kids: {
      ru: () => import('../../locales/ru/kids/idea-board.js'),
      en: () => import('../../locales/en/kids/idea-board.js'),
      tt: () => import('../../locales/tt/kids/idea-board.js'),
    },
  },
);
