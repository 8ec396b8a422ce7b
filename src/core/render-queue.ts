/**
 * Spreads the widgets' renders over tasks, so that a portal with many widgets stays responsive.
 *
 * Lit renders an element in a microtask after its properties change. When several widgets get
 * their data in the same task (answers that arrive together, a part that several of them
 * waited for), all their renders run in one microtask checkpoint: one long task in which the
 * host page can neither handle a click nor paint. Here a render asks for a slot first. While
 * the current task has spent less than `SLICE_MS` since its first render, the render runs at
 * once; past that it waits for a fresh task, and the queue is drained there under the same
 * budget, in order — the browser handles input and paints in between. A heavy render (a
 * widget's first) asks for a fresh task: it never runs in the task that asked, nor after more
 * than `FRESH_AFTER_MS` of other renders in a drained one.
 *
 * `performance.now()` is wall time, so on a slow (or throttled) CPU the same budget holds fewer
 * renders per task: exactly what keeps tasks short there.
 */

/** How much of a task renders may use before the next render waits for a new task: one frame. */
export const SLICE_MS = 16;

/** How much of a task renders may have used for a fresh render to run after them in it. */
export const FRESH_AFTER_MS = SLICE_MS / 4;

interface Waiting {
  run: () => unknown;
  /** Runs first in a task, or after little (`inRenderSlot`'s `fresh`). */
  fresh: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

let sliceStart: number | undefined;
const waiting: Waiting[] = [];
let drainScheduled = false;

/**
 * Runs `callback` in a later task: a message task, which unlike `setTimeout` is neither clamped
 * to 4 ms when nested nor held back by timer throttling.
 */
function nextTask(callback: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(undefined);
}

/**
 * Resolves in a task of its own: for work that would lengthen the task asking for it (a part's
 * module evaluated in the one-file bundle, a page's first storage read).
 */
export function newTask(): Promise<void> {
  return new Promise((resolve) => nextTask(resolve));
}

/** Starts a slice for this task if none is running; it ends with the task. */
function elapsedInTask(): number {
  const now = performance.now();
  if (sliceStart === undefined) {
    sliceStart = now;
    nextTask(() => (sliceStart = undefined));
  }
  return now - sliceStart;
}

function drain(): void {
  drainScheduled = false;
  sliceStart = undefined;
  let ran = false;
  while (waiting.length > 0) {
    // A fresh render does not follow more than a little work in the same task either: a
    // widget's first render after another's 15 ms made one task of 50 ms and more on the demo
    // portal at 4× CPU.
    const elapsed = elapsedInTask();
    if (elapsed >= SLICE_MS || (ran && waiting[0]!.fresh && elapsed >= FRESH_AFTER_MS)) return scheduleDrain();
    ran = true;
    const next = waiting.shift()!;
    try {
      next.run();
      next.resolve();
    } catch (error) {
      next.reject(error);
    }
  }
}

function scheduleDrain(): void {
  if (drainScheduled) return;
  drainScheduled = true;
  nextTask(drain);
}

/**
 * Runs `render` now when the current task has time left (returns undefined), else in a later
 * task (returns a promise that settles once it ran). Renders keep their order. `fresh` always
 * waits for a later task, and runs there first or after little (`FRESH_AFTER_MS`): for a heavy
 * render that must not follow the work already done in a task (the time spent decides before a
 * render, not after).
 */
export function inRenderSlot(render: () => unknown, { fresh = false } = {}): Promise<void> | undefined {
  if (!fresh && waiting.length === 0 && elapsedInTask() < SLICE_MS) {
    render();
    return undefined;
  }
  return new Promise<void>((resolve, reject) => {
    waiting.push({ run: render, fresh, resolve, reject });
    scheduleDrain();
  });
}
