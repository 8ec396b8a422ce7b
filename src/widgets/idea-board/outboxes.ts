/**
 * The board's outboxes: ideas and pledges waiting to be sent (persisted, retried, resent after a
 * reload — core's outbox). The list never uses them, so they load with the "submit an idea" form
 * or the pledge flow, or after the first cards when an earlier visit left something queued.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../../core/api-client.js';
import { OutboxController } from '../../core/outbox.js';
import type { Idea, IdeaCreate, PledgeCreate, PledgeResult } from './api.js';
import type { PledgeFlow } from './pledge.js';
import type { SubmitForm } from './submit-form.js';

export interface Outboxes {
  ideas: OutboxController<IdeaCreate, Idea>;
  pledges: OutboxController<PledgeCreate, PledgeResult>;
}

/** What the outboxes use of the board. */
export interface OutboxBoard {
  readonly host: ReactiveControllerHost & HTMLElement;
  /** Where an outbox keeps what waits, by backend; none without a backend. */
  storageKey(kind: keyof Outboxes): string | undefined;
  client(): ApiClient | undefined;
  /** The server accepted an idea for moderation. */
  submitted(idea: Idea): void;
  form(): Promise<SubmitForm | undefined>;
  pledge(): Promise<PledgeFlow | undefined>;
  needSignIn(action: 'submit' | 'pledge'): void;
}

export function createOutboxes(board: OutboxBoard): Outboxes {
  const { host, client } = board;
  return {
    ideas: new OutboxController<IdeaCreate, Idea>(host, {
      storageKey: () => board.storageKey('ideas'),
      client,
      onSent: (idea) => board.submitted(idea),
      onRejected: (error) => void board.form().then((form) => form?.rejected(error)),
      onAuthRequired: () => board.needSignIn('submit'),
    }),
    pledges: new OutboxController<PledgeCreate, PledgeResult>(host, {
      storageKey: () => board.storageKey('pledges'),
      client,
      onSent: (result, item) => void board.pledge().then((flow) => flow?.pledged(result, item)),
      onRejected: (error, item) => void board.pledge().then((flow) => flow?.rejected(error, item)),
      onAuthRequired: () => board.needSignIn('pledge'),
    }),
  };
}
