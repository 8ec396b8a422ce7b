import { expect } from '@open-wc/testing';
import { loadReportingFrame } from '../../helpers/browser/report-frame.js';

interface Report {
  violations: string[];
  reached: Record<string, string>;
}

const loadInFrame = (query = '') => loadReportingFrame<Report>(`/test/browser/kit/strict-csp.html${query}`, { timeoutMs: 60000, width: 400, height: 800 });

describe('every widget under a strict Content-Security-Policy with Trusted Types', () => {
  it('a citizen votes, redeems, files a complaint, sees it closed and rates the agency with zero violations', async function () {
    this.timeout(90000);
    const report = await loadInFrame();
    expect(report.reached).to.deep.equal({
      poll: 'voted, results shown',
      wallet: 'redeemed, voucher shown',
      complaint: 'filed, status shown',
      status: 'closed, rating form shown',
      rating: 'rated, thanks shown',
    });
    expect(report.violations).to.deep.equal([]);
  });

  it('the map picker cannot load where Trusted Types are required (Leaflet sets innerHTML): the form says so and goes on with the address', async function () {
    this.timeout(60000);
    const report = await loadInFrame('?map');
    expect(report.reached).to.deep.equal({ map: 'map: Карта сейчас недоступна. Достаточно указать адрес.; the address was enough' });
    expect(report.violations).to.deep.equal(['require-trusted-types-for: trusted-types-sink']);
  });

  it('does detect violations (control: an inline style attribute)', async function () {
    this.timeout(30000);
    const report = await loadInFrame('?control');
    expect(report.violations.some((v) => v.startsWith('style-src'))).to.be.true;
  });
});
