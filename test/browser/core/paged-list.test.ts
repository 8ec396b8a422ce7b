import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { http, HttpResponse, delay } from 'msw';
import { ApiClient } from '../../../src/core/api-client.js';
import { PagedList, type Page } from '../../../src/core/paged-list.js';
import { startMocks } from '../../helpers/browser/msw.js';

const BASE = 'https://paged.test/api';
const client = new ApiClient({ baseUrl: BASE, backoff: { retries: 0, baseMs: 1, capMs: 1 } });
const ALL = Array.from({ length: 7 }, (_, i) => ({ id: `t${i + 1}` }));

class ListHost extends LitElement {
  filter = '';
  list = new PagedList<{ id: string }>(this, (cursor, signal) =>
    client.get<Page<{ id: string }>>('/items', { query: { cursor, limit: 3, kind: this.filter }, signal }),
  );
}
customElements.define('list-host', ListHost);

describe('paged list', () => {
  let failNext = false;
  before(async () => {
    await startMocks(
      http.get(`${BASE}/items`, async ({ request }) => {
        const url = new URL(request.url);
        if (url.searchParams.get('kind') === 'slow') await delay(200);
        if (failNext) return new HttpResponse(null, { status: 500 });
        const from = Number(url.searchParams.get('cursor') ?? 0);
        const items = ALL.slice(from, from + 3);
        return HttpResponse.json({ items, nextCursor: from + 3 < ALL.length ? String(from + 3) : null });
      }),
    );
  });

  it('walks the cursor with "show more" until the end', async () => {
    const el = await fixture<ListHost>(html`<list-host></list-host>`);
    await el.list.load();
    expect(el.list.items.map((i) => i.id)).to.deep.equal(['t1', 't2', 't3']);
    await el.list.more();
    await el.list.more();
    expect(el.list.items).to.have.length(7);
    expect(el.list.next).to.be.null;
    await el.list.more(); // nothing more to load
    expect(el.list.items).to.have.length(7);
  });

  it('keeps what is shown when "show more" fails', async () => {
    const el = await fixture<ListHost>(html`<list-host></list-host>`);
    await el.list.load();
    failNext = true;
    await el.list.more().catch(() => undefined);
    failNext = false;
    expect(el.list.items).to.have.length(3);
    expect(el.list.status).to.equal('ready');
    expect(el.list.error).to.exist;
  });

  it('a new load cancels the one in flight (the last filter wins)', async () => {
    const el = await fixture<ListHost>(html`<list-host></list-host>`);
    el.filter = 'slow';
    const slow = el.list.load();
    el.filter = '';
    await el.list.load();
    await slow;
    expect(el.list.items.map((i) => i.id)).to.deep.equal(['t1', 't2', 't3']);
    expect(el.list.status).to.equal('ready');
  });
});
