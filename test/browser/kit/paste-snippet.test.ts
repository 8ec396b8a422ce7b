/**
 * Storybook's "show code" for a story is what a webmaster pastes into a portal page
 * (.storybook/paste-snippet.ts): the loader script configured by data-*, then the widget tags.
 */
import { expect } from '@open-wc/testing';
import { pasteSnippet } from '../../../.storybook/paste-snippet.js';

describe('paste snippet', () => {
  it('is the loader script with data-api, then the widget without Lit markers or the mocked api', () => {
    const story = '<!--?lit$123$--><div class="wrapper"><!--?lit$123$--><veche-poll api="/mock/api" poll="42" login-url="https://portal.example/login"></veche-poll></div>';
    const snippet = pasteSnippet(story);
    expect(snippet).to.equal(
      '<script type="module" src="https://cdn.example/veche/veche.js"\n        data-api="https://region.example/veche/api"></script>\n\n' +
        '<veche-poll poll="42" login-url="https://portal.example/login"></veche-poll>\n',
    );
  });

  it("carries the story's theme words as data-theme, and keeps a provider with its widgets as one block", () => {
    const story =
      '<div data-veche-theme="kazan dark"><veche-provider api="/mock/api" locale="tt"><veche-poll poll="42"></veche-poll><veche-idea-board category="transport"></veche-idea-board></veche-provider></div>';
    const snippet = pasteSnippet(story);
    expect(snippet).to.contain('data-theme="kazan dark"');
    expect(snippet).to.contain('<veche-provider locale="tt"><veche-poll poll="42"></veche-poll><veche-idea-board category="transport"></veche-idea-board></veche-provider>');
    expect(snippet).not.to.contain('/mock/api');
    expect(snippet.match(/<veche-poll/g)).to.have.length(1);
  });

  it('boolean attributes read as a webmaster writes them, and a story without widgets is left as it is', () => {
    expect(pasteSnippet('<veche-complaint-form map=""></veche-complaint-form>')).to.contain('<veche-complaint-form map></veche-complaint-form>');
    expect(pasteSnippet('<p>Токены</p>')).to.equal('<p>Токены</p>');
  });
});
