import { defineMessages, type Translation } from '../../core/localize.js';
import ru from '../../locales/ru/agency-rating.js';

export type AgencyRatingMessages = Translation<typeof ru>;

export const agencyRatingMessages = defineMessages('agency-rating', ru, {
  en: () => import('../../locales/en/agency-rating.js'),
  tt: () => import('../../locales/tt/agency-rating.js'),
});
