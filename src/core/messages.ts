import { defineMessages, type Translation } from './localize.js';
import ru from '../locales/ru/core.js';
import type ruFailure from '../locales/ru/core-failure.js';
import type ruParts from '../locales/ru/core-parts.js';

/**
 * Every core text: the Russian ones only a failure needs join the source when failure.ts loads,
 * those only later views show when part-texts.ts does.
 */
export type CoreTexts = typeof ru & typeof ruFailure & typeof ruParts;

export type CoreMessages = Translation<CoreTexts>;

export const coreMessages = defineMessages(
  'core',
  ru as CoreTexts,
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

/**
 * Russian core texts that a lazily loaded module carries (failure.ts, part-texts.ts) join the
 * source when it runs: Russian is the default and has no catalog of its own to load.
 */
export function addRussianCoreTexts(texts: Partial<CoreTexts>): void {
  coreMessages.loaded.set('ru', { ...coreMessages.loaded.get('ru')!, ...texts });
}
