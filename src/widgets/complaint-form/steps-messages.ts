import { defineMessages, type Translation } from '../../core/localize.js';
import ru from '../../locales/ru/complaint-form-steps.js';

export type ComplaintFormStepsMessages = Translation<typeof ru>;

/** The texts of the steps after the first and of the result travel with those parts. */
export const complaintFormStepsMessages = defineMessages(
  'complaint-form-steps',
  ru,
  {
    en: () => import('../../locales/en/complaint-form-steps.js'),
    tt: () => import('../../locales/tt/complaint-form-steps.js'),
  },
  {
    kids: {
      ru: () => import('../../locales/ru/kids/complaint-form-steps.js'),
      en: () => import('../../locales/en/kids/complaint-form-steps.js'),
      tt: () => import('../../locales/tt/kids/complaint-form-steps.js'),
    },
  },
);
