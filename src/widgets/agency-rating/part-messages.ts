import { defineMessages, type Translation } from '../../core/localize.js';
import ru from '../../locales/ru/agency-rating-parts.js';

export type AgencyRatingPartMessages = Translation<typeof ru>;

/** Texts of the parts that load on use (record, rating form, ranking); they travel with those parts. */
export const agencyRatingPartMessages = defineMessages(
  'agency-rating-parts',
  ru,
  {
    en: () => import('../../locales/en/agency-rating-parts.js'),
    tt: () => import('../../locales/tt/agency-rating-parts.js'),
  },
  {
    kids: {
      ru: () => import('../../locales/ru/kids/agency-rating-parts.js'),
      en: () => import('../../locales/en/kids/agency-rating-parts.js'),
      tt: () => import('../../locales/tt/kids/agency-rating-parts.js'),
    },
  },
);
