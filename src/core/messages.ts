import { defineMessages, type Translation } from './localize.js';
import ru from '../locales/ru/core.js';

export type CoreMessages = Translation<typeof ru>;

export const coreMessages = defineMessages('core', ru, {
  en: () => import('../locales/en/core.js'),
  tt: () => import('../locales/tt/core.js'),
});
