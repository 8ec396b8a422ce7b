/**
 * What the poll's lazily loaded parts (the survey's review step; the confirmation, receipt
 * check and results) use of the poll: its texts, client and error wording. Types only, so a
 * part never pulls the poll's module into its chunk.
 */
import type { ApiClient } from '../../core/api-client.js';
import type { LocalizeController } from '../../core/localize.js';
import type coreRu from '../../locales/ru/core.js';
import type ru from '../../locales/ru/poll.js';

export interface PollContext {
  readonly host: { requestUpdate(): void };
  readonly text: LocalizeController<typeof ru>;
  readonly coreText: LocalizeController<typeof coreRu>;
  client(): ApiClient | undefined;
  describeError(error: unknown): string;
  announce(message: string): void;
}
