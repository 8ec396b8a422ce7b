import { expect } from '@open-wc/testing';
import { imageSource, safeUrl } from '../../../src/core/urls.js';

describe('safe URLs', () => {
  it('keeps http(s) links and resolves relative ones against the API base as a folder', () => {
    expect(safeUrl('https://region.example/privacy')).to.equal('https://region.example/privacy');
    expect(safeUrl('media/m1', 'https://region.example/veche/api')).to.equal('https://region.example/veche/api/media/m1');
    expect(safeUrl('media/m1', 'https://region.example/veche/api/')).to.equal('https://region.example/veche/api/media/m1');
    expect(safeUrl('/login', 'https://region.example/veche/api')).to.equal('https://region.example/login');
    expect(safeUrl('media/m1', '/api')).to.equal(`${location.origin}/api/media/m1`);
  });

  it('refuses anything that could run or leak: javascript:, data: links, other schemes', () => {
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', '', null, undefined]) {
      expect(safeUrl(bad), String(bad)).to.be.undefined;
    }
  });

  it('allows images inlined as data URIs, but only images', () => {
    expect(imageSource('data:image/svg+xml,%3Csvg%3E')).to.equal('data:image/svg+xml,%3Csvg%3E');
    expect(imageSource('data:image/png;base64,iVBOR')).to.equal('data:image/png;base64,iVBOR');
    expect(imageSource('data:text/html,<b>')).to.be.undefined;
    expect(imageSource('javascript:alert(1)')).to.be.undefined;
    expect(imageSource('media/m1', '/api')).to.equal(`${location.origin}/api/media/m1`);
  });
});
