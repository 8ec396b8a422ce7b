import { expect } from '@open-wc/testing';
import { loadReportingFrame } from '../../helpers/browser/report-frame.js';

interface Report {
  violations: string[];
  rendered: string;
  buttonColor: string;
  barWidth: number;
}

const loadInFrame = (query = '') => loadReportingFrame<Report>(`/test/browser/fixtures/strict-csp.html${query}`);

describe('a strict Content-Security-Policy page with Trusted Types', () => {
  it('renders a core-based widget with zero violations', async () => {
    const report = await loadInFrame();
    expect(report.rendered).to.equal('5 баллов');
    expect(report.buttonColor).to.equal('rgb(31, 95, 168)');
    // cssProps() sizes the bar through the CSSOM: 25% of 200 px, without a style attribute.
    expect(report.barWidth).to.equal(50);
    expect(report.violations).to.deep.equal([]);
  });

  it('does detect violations (control: an inline style and an untrusted innerHTML)', async () => {
    const report = await loadInFrame('?control');
    expect(report.violations.some((v) => v.startsWith('style-src'))).to.be.true;
    expect(report.violations.some((v) => v.startsWith('require-trusted-types-for'))).to.be.true;
  });
});
