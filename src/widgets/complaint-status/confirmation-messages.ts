import { defineMessages, type Translation } from '../../core/localize.js';
import ru from '../../locales/ru/complaint-status-confirm.js';

export type ComplaintConfirmationMessages = Translation<typeof ru>;

/** The confirm / dispute panel's texts travel with that part (`confirmation.ts`). */
export const complaintConfirmationMessages = defineMessages(
  'complaint-status-confirm',
  ru,
  {
    en: () => import('../../locales/en/complaint-status-confirm.js'),
    tt: () => import('../../locales/tt/complaint-status-confirm.js'),
  },
  {
    kids: {
      ru: () => import('../../locales/ru/kids/complaint-status-confirm.js'),
      en: () => import('../../locales/en/kids/complaint-status-confirm.js'),
      tt: () => import('../../locales/tt/kids/complaint-status-confirm.js'),
    },
  },
);
