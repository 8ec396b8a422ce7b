import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml, type PropertyDeclarations } from 'lit';
import { FRESH_AFTER_MS, inRenderSlot, newTask, SLICE_MS } from '../../../src/core/render-queue.js';
import { VecheElement } from '../../../src/core/veche-element.js';

/** Keeps the main thread busy for `ms`, as a heavy render on a slow phone does. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

const renders: Array<{ label: string; task: number }> = [];

/** Resolves in a new task, so that a test starts with a fresh slice. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

/** A widget whose every render after the first costs `cost` ms. */
class SlowWidget extends VecheElement {
  static override properties: PropertyDeclarations = { label: {}, cost: { type: Number } };
  label = '';
  cost = 0;
  /** Not reactive: shown on the next update, whoever asks for it. */
  note = '';
  protected override needsBackend = false;

  protected override render() {
    if (this.hasUpdated) {
      busy(this.cost);
      renders.push({ label: this.label, task: task.number });
    }
    return litHtml`<p>${this.label}${this.note}</p>`;
  }
}
customElements.define('slow-widget', SlowWidget);

/**
 * Numbers the page's tasks while `work` runs: a message-channel ticker bumps `task.number` once
 * per task. Messages run in the order they were posted, so a render queued for a later task
 * always sees a new number. (The Long Tasks API cannot be used here: test pages running in
 * parallel share the renderer's main thread and their tasks are reported too.)
 */
const task = { number: 0 };
async function numberingTasks(work: () => Promise<void>): Promise<void> {
  const channel = new MessageChannel();
  let running = true;
  channel.port1.onmessage = () => {
    task.number++;
    if (running) channel.port2.postMessage(undefined);
  };
  channel.port2.postMessage(undefined);
  try {
    await work();
  } finally {
    running = false;
    channel.port1.close();
  }
}

describe('render queue', () => {
  beforeEach(() => (renders.length = 0));

  it('renders at once while the task has time left', () => {
    let ran = false;
    expect(inRenderSlot(() => (ran = true))).to.be.undefined;
    expect(ran).to.be.true;
  });

  it('moves a render to a later task once renders used up the slice of the task, keeping the order', async () => {
    await nextTask();
    expect(inRenderSlot(() => busy(SLICE_MS + 5))).to.be.undefined;
    const order: string[] = [];
    const first = inRenderSlot(() => order.push('first'));
    const second = inRenderSlot(() => order.push('second'));
    expect(first).to.be.instanceOf(Promise);
    // Not in this task's microtasks either.
    await Promise.resolve();
    await Promise.resolve();
    expect(order).to.deep.equal([]);
    await Promise.all([first, second]);
    expect(order).to.deep.equal(['first', 'second']);
  });

  it('rejects the waiting promise when the render throws, and goes on with the next', async () => {
    await nextTask();
    inRenderSlot(() => busy(SLICE_MS + 5));
    const failing = inRenderSlot(() => {
      throw new Error('render failed');
    });
    let ran = false;
    const next = inRenderSlot(() => (ran = true));
    const failure = await failing!.then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure?.message).to.equal('render failed');
    await next;
    expect(ran).to.be.true;
  });

  it('ten widgets whose data arrive together render over several tasks, each task within its slice, in order', async () => {
    const widgets = await Promise.all(
      Array.from({ length: 10 }, (_, i) => fixture<SlowWidget>(html`<slow-widget label=${`w${i}`} cost="12"></slow-widget>`)),
    );
    await numberingTasks(async () => {
      // As when their answers come back in one task: every widget updates at once.
      await new Promise<void>((resolve) => {
        setTimeout(() => {
          widgets.forEach((widget) => (widget.label = `${widget.label}!`));
          resolve();
        });
      });
      await Promise.all(widgets.map((widget) => widget.updateComplete));
    });
    expect(renders.map((r) => r.label)).to.deep.equal(widgets.map((_, i) => `w${i}!`));
    // 12 ms each in a 16 ms slice: a task starts a second render only with time left, never a third.
    const perTask = new Map<number, number>();
    renders.forEach((r) => perTask.set(r.task, (perTask.get(r.task) ?? 0) + 1));
    const counts = [...perTask.values()];
    expect(Math.max(...counts), `renders per task: ${counts.join(', ')}`).to.be.at.most(Math.ceil(SLICE_MS / 12));
    expect(counts.length).to.be.at.least(Math.ceil(10 / Math.ceil(SLICE_MS / 12)));
    widgets.forEach((widget) => expect(widget.shadowRoot!.querySelector('p')!.textContent).to.equal(widget.label));
  });

  it('a fresh render runs first in a task, or after little: also when the queue is drained', async () => {
    const ran: Array<{ label: string; task: number }> = [];
    await numberingTasks(async () => {
      await nextTask();
      const record = (label: string, cost = 0) => () => {
        busy(cost);
        ran.push({ label, task: task.number });
      };
      // First renders and an update, asked for in one task (answers that arrived together): the
      // first costs more than a fresh render may follow, the second almost nothing.
      await Promise.all([
        inRenderSlot(record('first', FRESH_AFTER_MS + 2), { fresh: true }),
        inRenderSlot(record('second'), { fresh: true }),
        inRenderSlot(record('third'), { fresh: true }),
        inRenderSlot(record('update')),
      ]);
    });
    expect(ran.map((r) => r.label)).to.deep.equal(['first', 'second', 'third', 'update']);
    const [first, second, third, update] = ran.map((r) => r.task);
    expect(second, 'the second first render ran after the first one’s work in its task').to.not.equal(first);
    expect(third, 'the third first render waited though the second one cost nothing').to.equal(second);
    expect(update).to.be.at.least(third!);
  });

  it('a first render waits for its turn while the host keeps its reserved height', async () => {
    await nextTask();
    inRenderSlot(() => busy(SLICE_MS + 5));
    const widget = document.createElement('slow-widget') as SlowWidget;
    widget.style.setProperty('--_reserve', '300px');
    document.body.append(widget);
    await Promise.resolve();
    await Promise.resolve();
    // Not rendered in this task, yet already as tall as its reserve.
    expect(widget.hasUpdated).to.be.false;
    expect(widget.matches(':state(rendering)')).to.be.true;
    expect(widget.getBoundingClientRect().height).to.equal(300);
    await widget.updateComplete;
    expect(widget.shadowRoot!.querySelector('p')).to.exist;
    expect(widget.matches(':state(rendering)')).to.be.false;
    widget.remove();
  });

  it('renders an update asked for in a new task after this task, and updateComplete waits for it', async () => {
    const widget = await fixture<SlowWidget>(html`<slow-widget label="до"></slow-widget>`);
    await nextTask();
    widget.note = ', после';
    (widget as unknown as { requestUpdateInNewTask(): void }).requestUpdateInNewTask();
    await Promise.resolve();
    await Promise.resolve();
    expect(widget.shadowRoot!.querySelector('p')!.textContent).to.equal('до');
    await widget.updateComplete;
    expect(widget.shadowRoot!.querySelector('p')!.textContent).to.equal('до, после');
  });

  it('newTask resolves after the current task, not in its microtasks', async () => {
    let resolved = false;
    const waiting = newTask().then(() => (resolved = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(resolved).to.be.false;
    await waiting;
    expect(resolved).to.be.true;
  });
});
