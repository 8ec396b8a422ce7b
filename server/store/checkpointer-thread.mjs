// Entry of the checkpointer thread (see checkpointer.ts); registers tsx as vote-writer-thread.mjs does.
import { register } from 'tsx/esm/api';

register();
await import('./checkpointer-thread.ts');
