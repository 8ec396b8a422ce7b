/**
 * Compile-time checks of src/types/jsx.d.ts and vue.d.ts (run by `npm run typecheck`, which
 * includes this file): typed tags, properties and events for React 19 and Vue 3 users.
 */
import type { JSX } from 'react';
import type { GlobalComponents } from 'vue';
import type { VecheReactProps } from '../../../src/types/jsx.js';
import type { VecheVueProps } from '../../../src/types/vue.js';
import type { VechePoll } from '../../../src/widgets/poll/veche-poll.js';
import '../../../src/widgets/poll/define.js';
import '../../../src/core/define-provider.js';

export const reactPoll: JSX.IntrinsicElements['veche-poll'] = {
  poll: '42',
  api: 'https://region.example/veche/api',
  'login-url': '/login',
  getToken: () => 'token',
  strings: { vote: 'Голосую' },
  className: 'portal-poll',
  'onveche-vote': (event) => event.detail.answers.length,
  'onveche-auth-required': (event) => event.detail.action,
};
// @ts-expect-error the poll id is a string
export const reactWrongId: JSX.IntrinsicElements['veche-poll'] = { poll: 42 };
// @ts-expect-error the detail of veche-vote has no `points`
export const reactWrongDetail: JSX.IntrinsicElements['veche-poll'] = { 'onveche-vote': (event) => event.detail.points };
export const reactProvider: JSX.IntrinsicElements['veche-provider'] = { api: '/api', theme: 'kazan dark', 'onveche-error': (e) => e.detail.code };

export const vuePoll: VecheVueProps<VechePoll> = {
  poll: '42',
  getToken: () => null,
  onVecheVote: (event) => event.detail.poll,
  onVecheAuthRequired: (event) => event.detail.loginUrl,
};
// @ts-expect-error Vue listeners are camel-cased after `on`
export const vueWrongName: VecheVueProps<VechePoll> = { 'onveche-vote': () => undefined };
export type VuePollComponent = GlobalComponents['veche-poll'];
export type ReactPollProps = VecheReactProps<VechePoll>;
