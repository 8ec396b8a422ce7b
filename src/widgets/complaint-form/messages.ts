import { defineMessages, type Translation } from '../../core/localize.js';
import ru from '../../locales/ru/complaint-form.js';

export type ComplaintFormMessages = Translation<typeof ru>;

export const complaintFormMessages = defineMessages(
  'complaint-form',
  ru,
  {
    en: () => import('../../locales/en/complaint-form.js'),
    tt: () => import('../../locales/tt/complaint-form.js'),
  },
  {
    kids: {
      ru: () => import('../../locales/ru/kids/complaint-form.js'),
      en: () => import('../../locales/en/kids/complaint-form.js'),
      tt: () => import('../../locales/tt/kids/complaint-form.js'),
    },
  },
);
