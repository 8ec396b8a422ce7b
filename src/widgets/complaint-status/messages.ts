import { defineMessages, type Translation } from '../../core/localize.js';
import ru from '../../locales/ru/complaint-status.js';

export type ComplaintStatusMessages = Translation<typeof ru>;

export const complaintStatusMessages = defineMessages(
  'complaint-status',
  ru,
  {
    en: () => import('../../locales/en/complaint-status.js'),
    tt: () => import('../../locales/tt/complaint-status.js'),
  },
  {
    kids: {
      ru: () => import('../../locales/ru/kids/complaint-status.js'),
      en: () => import('../../locales/en/kids/complaint-status.js'),
      tt: () => import('../../locales/tt/kids/complaint-status.js'),
    },
  },
);
