import { expect } from '@open-wc/testing';
import { loadReportingFrame } from '../../helpers/browser/report-frame.js';

interface Report {
  violations: string[];
  cards: number;
  positioned: boolean;
  scrollerPosition: string;
  scrolled: number;
}

const loadInFrame = (query = '') => loadReportingFrame<Report>(`/test/browser/idea-board/strict-csp.html${query}`, { timeoutMs: 20000, width: 400, height: 800 });

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
