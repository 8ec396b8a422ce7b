/**
 * Every tag the kit defines and the module that defines it. The CDN autoloader imports a
 * module only when its tag appears on the page; `veche.ts` (npm, "everything") imports all.
 * A widget issue adds its line here.
 */
export const widgetModules: Record<string, () => Promise<unknown>> = {
  'veche-provider': () => import('./core/define-provider.js'),
  'veche-poll': () => import('./widgets/poll/define.js'),
  'veche-complaint-status': () => import('./widgets/complaint-status/define.js'),
  'veche-agency-rating': () => import('./widgets/agency-rating/define.js'),
  'veche-idea-board': () => import('./widgets/idea-board/define.js'),
  'veche-complaint-form': () => import('./widgets/complaint-form/define.js'),
  'veche-points-wallet': () => import('./widgets/points-wallet/define.js'),
};
