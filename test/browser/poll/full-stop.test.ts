import { expect, waitUntil } from '@open-wc/testing';
import { formatDate } from '../../../src/core/format.js';
import type { VechePoll } from '../../../src/widgets/poll/veche-poll.js';
import { backend, mocks, polls, renderPoll, reset, text } from './setup.js';

/**
 * A date that ends a sentence with its own stop («11 ноября 2026 г.») ends it once: the poll never
 * shows «г..». The dates are the ones the mock backend serves, written as the kit writes them.
 */
describe('<veche-poll> one full stop after a date', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  const anna = 'anna';
  const id = polls.alreadyVotedBy.anna;
  const votedOn = (locale: 'ru' | 'en') => formatDate(locale, backend.db.myVote(id, anna)!.at);
  const heading = (el: VechePoll) => text(el, '#done');

  it('voted, in Russian: the heading is «Вы проголосовали <date>», the date\'s «г.» its only stop', async () => {
    const el = await renderPoll(id, { citizen: anna });
    await waitUntil(() => el.shadowRoot!.querySelector('#done'), 'no confirmation');
    expect(votedOn('ru')).to.match(/ г\.$/);
    expect(heading(el)).to.equal(`Вы проголосовали ${votedOn('ru')}`);
    expect(text(el)).not.to.contain('..');
  });

  it('voted, in English: the heading is "You voted on <date>", without a stop', async () => {
    const el = await renderPoll(id, { citizen: anna, locale: 'en' });
    await waitUntil(() => heading(el).startsWith('You voted'), 'English did not load');
    expect(heading(el)).to.equal(`You voted on ${votedOn('en')}`);
    expect(text(el)).not.to.contain('..');
  });

  it('voted, kids in Russian: the heading ends with the date', async () => {
    const el = await renderPoll(id, { citizen: anna });
    el.setAttribute('theme', 'kids');
    await waitUntil(() => heading(el).startsWith('Ты ответил'), 'no kids wording');
    expect(heading(el)).to.equal(`Ты ответил(а) ${votedOn('ru')}`);
  });

  it('upcoming and "results after closing": a sentence that ends with a date ends with its «г.»', async () => {
    const upcoming = await renderPoll(polls.upcoming);
    const opens = formatDate('ru', backend.db.poll(polls.upcoming)!.opensAt);
    expect(text(upcoming, '[part~="status"]')).to.equal(`Голосование ещё не началось. Приходите ${opens}`);
    expect(text(upcoming)).not.to.contain('..');

    const afterClose = await renderPoll(polls.openAfterClose);
    const closes = formatDate('ru', backend.db.poll(polls.openAfterClose)!.closesAt);
    expect(text(afterClose, '[part~="results-note"]')).to.equal(`Результаты опубликуют после завершения, ${closes}`);
    afterClose.setAttribute('theme', 'kids');
    await waitUntil(() => text(afterClose, '[part~="results-note"]').startsWith('Итоги'), 'no kids wording');
    expect(text(afterClose, '[part~="results-note"]')).to.equal(`Итоги покажем, когда опрос закончится, ${closes}`);
  });
});
