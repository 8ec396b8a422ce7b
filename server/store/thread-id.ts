/**
 * The OS thread id of the calling thread (Linux: /proc/thread-self), or null elsewhere. Worker
 * threads report it when they start so that tools (bench/votes.ts) can attribute CPU time per thread.
 */
import { readlinkSync } from 'node:fs';

export function osThreadId(): number | null {
  try {
    const m = /\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
