/**
 * What a long task was made of, from a Chromium performance trace: for each main-thread task over
 * 50 ms, its duration and the heaviest work inside it (script evaluation and function calls by
 * script URL, style, layout, paint). Benchmarks print this with `TRACE=1` so that a number over
 * its goal comes with its cause.
 */

/**
 * Trace categories that carry tasks and the work inside them. `fonts`: finding a font for a new
 * family, size and weight during layout — on Linux a synchronous request to the browser process
 * for each, 2–3 ms apiece, most of a widget's first layout here (printed apart, see `longTasks`).
 */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'fonts'];

const label = (event) => {
  const data = event.args?.data ?? {};
  const url = data.url || data.frame?.url || data.stackTrace?.[0]?.url;
  const short = url ? url.replace(/^https?:\/\/[^/]+/, '') : '';
  switch (event.name) {
    case 'EvaluateScript':
    case 'v8.evaluateModule':
      return `evaluate ${short || data.moduleName || ''}`.trim();
    case 'FunctionCall':
      return `call ${data.functionName || '(anonymous)'} ${short}`.trim();
    case 'TimerFire':
      return 'timer';
    case 'FireAnimationFrame':
      return 'animation frame';
    case 'EventDispatch':
      return `event ${data.type ?? ''}`.trim();
    case 'UpdateLayoutTree':
    case 'RecalculateStyles':
      return 'style';
    case 'Layout':
      return 'layout';
    case 'Paint':
    case 'PrePaint':
      return 'paint';
    case 'ParseHTML':
      return 'parse HTML';
    case 'v8.compile':
    case 'v8.compileModule':
      return `compile ${short}`.trim();
    case 'RunMicrotasks':
      return 'microtasks';
    default:
      return event.name;
  }
};

const INTERESTING = new Set(['EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'UpdateLayoutTree', 'RecalculateStyles', 'Layout', 'Paint', 'PrePaint', 'ParseHTML', 'v8.compile', 'v8.compileModule', 'RunMicrotasks']);

/** Font lookups: counted apart, though they are part of a layout (or a style or a script that measured text). */
const FONT_LOOKUP = /^(FontCache::GetFontPlatformData|WebSandboxSupportLinux::)/;

/**
 * Returns the tasks over `thresholdMs` on the busiest renderer main thread, longest first, each
 * with its parts: `{ ms, parts: [{ what, ms }] }`. Parts are the outermost interesting events in
 * the task (nested ones are counted in their parent), merged by label; and, apart, "of which font
 * lookups": the time the task waited for fonts to be found, inside its other parts.
 */
export function longTasks(trace, thresholdMs = 50) {
  const events = (trace.traceEvents ?? trace).filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const mainThreads = new Map();
  for (const e of trace.traceEvents ?? trace) {
    if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mainThreads.set(`${e.pid}:${e.tid}`, 0);
  }
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (mainThreads.has(key) && e.name === 'RunTask') mainThreads.set(key, mainThreads.get(key) + e.dur);
  }
  const [main] = [...mainThreads.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!main) return [];
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur / 1000 > thresholdMs);
  return tasks
    .map((task) => {
      const end = task.ts + task.dur;
      const parts = new Map();
      let coveredUntil = task.ts;
      let fontsUntil = task.ts;
      let fontMs = 0;
      for (const e of onMain) {
        if (e.ts < task.ts || e.ts >= end || e === task) continue;
        if (FONT_LOOKUP.test(e.name) && e.ts >= fontsUntil) {
          fontsUntil = e.ts + e.dur;
          fontMs += e.dur / 1000;
        }
        if (!INTERESTING.has(e.name)) continue;
        if (e.ts < coveredUntil) continue; // nested in an event already counted
        coveredUntil = e.ts + e.dur;
        const what = label(e);
        parts.set(what, (parts.get(what) ?? 0) + e.dur / 1000);
      }
      return {
        ms: task.dur / 1000,
        parts: [...parts.entries()].map(([what, ms]) => ({ what, ms })).sort((a, b) => b.ms - a.ms),
        fontMs,
      };
    })
    .sort((a, b) => b.ms - a.ms);
}

/** Prints the longest tasks and their heaviest parts (at most `limit` of each). */
export function printLongTasks(tasks, { limit = 5, log = console.log } = {}) {
  if (!tasks.length) return log('  no task over 50 ms in the trace');
  for (const task of tasks.slice(0, limit)) {
    const fonts = task.fontMs >= 1 ? ` (of which font lookups ${task.fontMs.toFixed(0)} ms)` : '';
    log(`  task ${task.ms.toFixed(0)} ms: ${task.parts.slice(0, limit).map((p) => `${p.what} ${p.ms.toFixed(0)} ms`).join('; ')}${fonts}`);
  }
}
