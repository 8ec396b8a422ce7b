// Entry of the vote writer thread (see vote-writer.ts). Node 20 does not pass the main thread's
// `--import tsx` loader on to worker threads, so the thread registers tsx itself before loading
// its TypeScript module.
import { register } from 'tsx/esm/api';

register();
await import('./vote-writer-thread.ts');
