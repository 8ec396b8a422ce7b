import { defineMessages, type Translation } from '../../core/localize.js';
import ru from '../../locales/ru/wallet.js';

export type WalletMessages = Translation<typeof ru>;

export const walletMessages = defineMessages(
  'wallet',
  ru,
  {
    en: () => import('../../locales/en/wallet.js'),
    tt: () => import('../../locales/tt/wallet.js'),
  },
  {
    kids: {
      ru: () => import('../../locales/ru/kids/wallet.js'),
      en: () => import('../../locales/en/kids/wallet.js'),
      tt: () => import('../../locales/tt/kids/wallet.js'),
    },
  },
);
