/**
 * The Russian core texts that only widgets' later views show (drafts, offline sending, deadlines;
 * ../locales/ru/core-parts.ts) join the core namespace when this module runs: a module that shows
 * one imports it, so an entry whose first render needs none of them does not carry them (the
 * complaint form's does: it offers a restored draft at once). Listed in package.json's
 * `sideEffects`, as a module imported only for what it does.
 */
import ru from '../locales/ru/core-parts.js';
import { addRussianCoreTexts } from './messages.js';

addRussianCoreTexts(ru);
