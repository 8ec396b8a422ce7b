/**
 * The kit's entries and their gzip budgets (ARCHITECTURE.md, "Performance budgets"): the size
 * table, the CDN build and the npm `exports` read this list. A widget issue adds its entry.
 * Sizes count the entry and what it imports statically; lazily loaded parts (other locales,
 * the map) load only when used and are listed separately.
 *
 * `experimental: true` marks a widget whose issue is still open (its JSDoc says
 * `@status experimental`): the table shows it OVER like any other, but only stable entries
 * fail the check — a widget cannot be declared stable while it is over its budget. The
 * whole-kit row follows the same rule: it gates once no widget in it is experimental.
 */
export const entries = [
  {
    name: 'core',
    file: './src/core/veche-element.ts',
    budget: 16 * 1024,
    note: 'Lit + @lit/context + the core every widget pays for (VecheElement)',
    measureOnly: true,
  },
  { name: 'provider', file: './src/core/define-provider.ts', budget: 10 * 1024, note: '<veche-provider> with Lit' },
  { name: 'poll', file: './src/widgets/poll/define.ts', budget: 16 * 1024, note: '<veche-poll> with Lit and core', experimental: true },
  { name: 'points-wallet', file: './src/widgets/points-wallet/define.ts', budget: 20 * 1024, note: '<veche-points-wallet> with Lit and core' },
  {
    name: 'complaint-form',
    file: './src/widgets/complaint-form/define.ts',
    budget: 26 * 1024,
    note: '<veche-complaint-form> with Lit and core (map, image processing, Open311, later steps lazy)',
  },
  { name: 'idea-board', file: './src/widgets/idea-board/define.ts', budget: 20 * 1024, note: '<veche-idea-board> with Lit and core; the list part with @lit-labs/virtualizer loads in parallel with the first ideas (issue 6: 20 KB plus the virtualizer)', experimental: true },
  { name: 'complaint-status', file: './src/widgets/complaint-status/define.ts', budget: 20 * 1024, note: '<veche-complaint-status> with Lit and core (the card, list, confirmation and rating form load on use)' },
  { name: 'agency-rating', file: './src/widgets/agency-rating/define.ts', budget: 18 * 1024, note: '<veche-agency-rating> with Lit and core' },
  { name: 'loader', file: './src/loader.ts', budget: 2 * 1024, note: 'veche.js autoloader (widgets load on demand)', loader: true },
];

/** The whole kit: every entry together, shared code counted once. */
export const kitBudget = 50 * 1024;
