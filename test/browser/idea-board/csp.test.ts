import { expect } from '@open-wc/testing';

interface Report {
  violations: string[];
  cards: number;
  positioned: boolean;
  scrollerPosition: string;
  scrolled: number;
}

function loadInFrame(query = ''): Promise<Report> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    const timer = setTimeout(() => reject(new Error('the strict-CSP page did not report')), 20000);
    addEventListener('message', function onMessage(event: MessageEvent<Report>) {
      if (event.source !== frame.contentWindow) return;
      removeEventListener('message', onMessage);
      clearTimeout(timer);
      frame.remove();
      resolve(event.data);
    });
    frame.src = `/test/browser/idea-board/strict-csp.html${query}`;
    frame.width = '400';
    frame.height = '800';
    document.body.append(frame);
  });
}

describe('<veche-idea-board> under a strict Content-Security-Policy', () => {
  it('renders and scrolls the virtualized list with zero violations: the virtualizer styles through the CSSOM', async function () {
    this.timeout(30000);
    const report = await loadInFrame();
    expect(report.cards).to.be.within(1, 50);
    // The virtualizer's own styles took effect (they would be dropped if they were style attributes).
    expect(report.positioned).to.be.true;
    expect(report.scrollerPosition).to.equal('relative');
    expect(report.scrolled).to.be.greaterThan(0);
    expect(report.violations).to.deep.equal([]);
  });

  it('does detect violations (control: an inline style attribute)', async function () {
    this.timeout(30000);
    const report = await loadInFrame('?control');
    expect(report.violations.some((v) => v.startsWith('style-src'))).to.be.true;
  });
});
