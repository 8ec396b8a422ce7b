import { defineMessages, type Translation } from '../../core/localize.js';
import ru from '../../locales/ru/wallet-sections.js';

export type WalletSectionMessages = Translation<typeof ru>;

/** Texts of the sections that load on use; they travel with those sections, not with the wallet's entry. */
export const walletSectionMessages = defineMessages(
  'wallet-sections',
  ru,
  {
    en: () => import('../../locales/en/wallet-sections.js'),
    tt: () => import('../../locales/tt/wallet-sections.js'),
  },
  {
    kids: {
      ru: () => import('../../locales/ru/kids/wallet-sections.js'),
      en: () => import('../../locales/en/kids/wallet-sections.js'),
      tt: () => import('../../locales/tt/kids/wallet-sections.js'),
    },
  },
);
