/**
 * The Russian core texts that only widgets' later views show (drafts, offline sending, deadlines;
 * ../locales/ru/core-parts.ts) join the core namespace when this module runs: a module that shows
 * one imports it, so the entries, whose first render needs none of them, do not carry them.
 */
import ru from '../locales/ru/core-parts.js';
import { coreMessages } from './messages.js';

coreMessages.loaded.set('ru', { ...coreMessages.loaded.get('ru')!, ...ru });
