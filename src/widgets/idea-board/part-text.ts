/**
 * The texts of the board's lazily loaded parts (the list's cards, the idea page, the pledge
 * flow, the "submit an idea" form): a namespace of their own, so that they load with the parts
 * instead of with the board's entry, which needs only the toolbar's texts and the filters'
 * labels (its skeleton shows them). A part reads both namespaces through `partText`.
 */
import type { Locale } from '../../core/config.js';
import { defineMessages, loadMessages, LocalizeController, type Params, type TextVariant, type Translation } from '../../core/localize.js';
import ru from '../../locales/ru/idea-board-actions.js';
import type { BoardContext, Key } from './parts.js';

export type IdeaBoardActionMessages = Translation<typeof ru>;
export type ActionKey = keyof typeof ru & string;

const actionMessages = defineMessages(
  'idea-board-actions',
  ru,
  {
    en: () => import('../../locales/en/idea-board-actions.js'),
    tt: () => import('../../locales/tt/idea-board-actions.js'),
  },
  {
    kids: {
      ru: () => import('../../locales/ru/kids/idea-board-actions.js'),
      en: () => import('../../locales/en/kids/idea-board-actions.js'),
      tt: () => import('../../locales/tt/kids/idea-board-actions.js'),
    },
  },
);

/**
 * Loads the parts' texts in `locale` before a part first renders: the board renders in one
 * language only once every namespace it uses has it, so a part whose texts were still loading
 * would turn the whole board Russian for a moment.
 */
export const loadPartTexts = (locale: Locale, variant?: TextVariant) => loadMessages(actionMessages, locale, variant);

// By board: the list and the other parts each have a context of their own, and share one controller.
const controllers = new WeakMap<BoardContext['host'], LocalizeController<typeof ru>>();

/** `t(key)` over the list's texts and the parts' texts, in the board's locale. */
export function partText(ctx: BoardContext): (key: Key | ActionKey, params?: Params) => string {
  let actions = controllers.get(ctx.host);
  if (!actions) controllers.set(ctx.host, (actions = new LocalizeController(ctx.host, actionMessages, ctx.wantedLocale)));
  const own = actions;
  return (key, params) => (key in ru ? own.t(key as ActionKey, params) : ctx.text.t(key as Key, params));
}
