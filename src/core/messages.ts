import { defineMessages, type Translation } from './localize.js';
import ru from '../locales/ru/core.js';

export type CoreMessages = Translation<typeof ru>;

export const coreMessages = defineMessages(
  'core',
  ru,
  {
    en: () => import('../locales/en/core.js'),
    tt: () => import('../locales/tt/core.js'),
  },
  {
    // Active Citizen Kids: simpler wording of the shared texts, loaded only in kids mode.
    kids: {
      ru: () => import('../locales/ru/kids/core.js'),
      en: () => import('../locales/en/kids/core.js'),
      tt: () => import('../locales/tt/kids/core.js'),
    },
  },
);
