import { expect } from '@open-wc/testing';
import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { LazyPart } from '../../../src/core/lazy-part.js';
import { adoptStyles } from '../../../src/core/adopt-styles.js';
import { ApiError } from '../../../src/core/problem.js';
import { newTask } from '../../../src/core/render-queue.js';

function fakeHost(): ReactiveControllerHost & { updates: number } {
  return {
    updates: 0,
    addController(_: ReactiveController) {},
    removeController(_: ReactiveController) {},
    requestUpdate() {
      this.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
}

describe('LazyPart', () => {
  it('imports once however often it is asked, and asks the host to render the part', async () => {
    const host = fakeHost();
    let imports = 0;
    const part = new LazyPart(host, async () => ({ n: ++imports }));
    const [a, b] = await Promise.all([part.load(), part.load()]);
    await part.load();
    expect(imports).to.equal(1);
    expect(a).to.equal(b);
    expect(part.value).to.deep.equal({ n: 1 });
    expect(host.updates).to.equal(1);
  });

  it('a failed import stays failed (no retry loop) until retry(), which imports again', async () => {
    const host = fakeHost();
    let online = false;
    const reported: ApiError[] = [];
    const part = new LazyPart(
      host,
      async () => {
        if (!online) throw new TypeError('Failed to fetch dynamically imported module');
        return 'part';
      },
      (error) => reported.push(error),
    );
    expect(await part.load()).to.be.undefined;
    expect(part.error).to.be.instanceOf(ApiError);
    expect(part.error!.kind).to.equal('network');
    online = true;
    expect(await part.load()).to.be.undefined; // still failed: a re-render must not re-import
    expect(reported).to.have.length(1);
    expect(await part.retry()).to.equal('part');
    expect(part.error).to.be.undefined;
    expect(part.value).to.equal('part');
  });
});

describe('LazyPart prefetch', () => {
  it('imports in a task of its own, not in the task that asked; a load meanwhile starts it at once', async () => {
    let imports = 0;
    const part = new LazyPart(fakeHost(), async () => ++imports);
    const prefetched = part.load({ prefetch: true });
    await Promise.resolve();
    await Promise.resolve();
    expect(imports, 'imported in the task that asked').to.equal(0);
    expect(await prefetched).to.equal(1);

    const other = new LazyPart(fakeHost(), async () => ++imports);
    const prefetch = other.load({ prefetch: true });
    const needed = other.load();
    expect(imports, 'a load waited for the prefetch\'s task').to.equal(2);
    expect(await needed).to.equal(2);
    expect(await prefetch).to.equal(2);
    await newTask();
    expect(imports, 'imported twice').to.equal(2);
  });

  it('a failed prefetch is quiet and the next load imports again', async () => {
    const host = fakeHost();
    let attempts = 0;
    const reported: ApiError[] = [];
    const part = new LazyPart(
      host,
      async () => {
        if (++attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
        return 'part';
      },
      (error) => reported.push(error),
    );
    expect(await part.load({ prefetch: true })).to.be.undefined;
    expect(part.error).to.be.undefined;
    expect(reported).to.be.empty;
    expect(await part.load()).to.equal('part');
    expect(attempts).to.equal(2);
  });

  it('a prefetch that someone starts waiting for reports its failure', async () => {
    const host = fakeHost();
    let fail!: (error: Error) => void;
    const reported: ApiError[] = [];
    const part = new LazyPart(host, () => new Promise<string>((_, reject) => (fail = reject)), (error) => reported.push(error));
    const prefetch = part.load({ prefetch: true });
    const needed = part.load();
    fail(new TypeError('offline'));
    expect(await prefetch).to.be.undefined;
    expect(await needed).to.be.undefined;
    expect(part.error?.kind).to.equal('network');
    expect(reported).to.have.length(1);
  });
});

describe('adoptStyles', () => {
  it('adds a part stylesheet to a shadow root once, after the element’s own', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const own = new CSSStyleSheet();
    root.adoptedStyleSheets = [own];
    const part = css`.part { color: red; }`;
    adoptStyles(root, part);
    adoptStyles(root, part);
    expect(root.adoptedStyleSheets).to.have.length(2);
    expect(root.adoptedStyleSheets[0]).to.equal(own);
    expect(root.adoptedStyleSheets[1]).to.equal(part.styleSheet);
  });

  it('does nothing for a light-DOM render root', () => {
    const div = document.createElement('div');
    adoptStyles(div, css`.x { color: red; }`);
    expect(div.children).to.have.length(0);
  });
});
