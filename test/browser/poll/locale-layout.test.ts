import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { selectMessage } from '../../../src/core/localize.js';
import { pollMessages } from '../../../src/widgets/poll/messages.js';
import en from '../../../src/locales/en/poll.js';
import tt from '../../../src/locales/tt/poll.js';
import { scenarios } from '../../../src/mocks/index.js';
import { $, answerSurvey, backend, mocks, pick, polls, renderPoll, reset, submit, text, useOnly, voted } from './setup.js';

describe('<veche-poll> languages', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('Russian plurals: participants, limits and errors', () => {
    const ru = pollMessages.source;
    const say = (key: keyof typeof ru, count: number, extra = {}) => selectMessage('ru', ru[key], { count, ...extra });
    expect([1, 2, 5, 11, 21, 22].map((n) => say('participants', n))).to.deep.equal([
      'Проголосовал 1 человек',
      'Проголосовали 2 человека',
      'Проголосовали 5 человек',
      'Проголосовали 11 человек',
      'Проголосовал 21 человек',
      'Проголосовали 22 человека',
    ]);
    expect(say('chooseRange', 2, { min: 1 })).to.equal('Выберите от 1 до 2 вариантов.');
    expect(say('chooseRange', 21, { min: 1 })).to.equal('Выберите от 1 до 21 варианта.');
    expect(say('errorMin', 1)).to.equal('Выберите хотя бы 1 вариант.');
    expect(say('errorMin', 3)).to.equal('Выберите хотя бы 3 варианта.');
    expect(say('errorMax', 5)).to.equal('Можно выбрать не больше 5 вариантов.');
    expect(selectMessage('ru', ru.participants, { count: 1234 })).to.equal('Проголосовали 1\u00a0234 человека');
  });

  it('English and Tatar plurals', () => {
    expect(selectMessage('en', en.participants, { count: 1 })).to.equal('1 person voted');
    expect(selectMessage('en', en.participants, { count: 3 })).to.equal('3 people voted');
    expect(selectMessage('en', en.errorMin, { count: 1 })).to.equal('Choose at least 1 option.');
    expect(selectMessage('en', en.errorMin, { count: 2 })).to.equal('Choose at least 2 options.');
    expect(selectMessage('tt', tt.participants, { count: 1 })).to.equal('1 кеше тавыш бирде');
    expect(selectMessage('tt', tt.participants, { count: 5 })).to.equal('5 кеше тавыш бирде');
  });

  it('renders in English: texts, core texts and the lang of its content', async () => {
    const el = await renderPoll(polls.survey, { locale: 'en' });
    // Both namespaces (core and poll) load lazily.
    await waitUntil(() => text(el, '#step') === 'Question 1 of 5' && text(el).includes('points'), 'English did not load');
    expect($(el, 'article')!.lang).to.equal('en');
    expect(text(el)).to.contain('Earn 25 points for taking part');
    expect(text(el, '[part~="submit"]')).to.equal('Next');
    await submit(el);
    expect(text(el, '#error')).to.equal('Answer this question.');
    await expect(el).to.be.accessible();
  });

  it('speaks to kids when the theme includes kids (Active Citizen Kids), in every locale', async () => {
    const el = await renderPoll(polls.openSingle);
    expect(text(el, '[part~="submit"]')).not.to.equal('Ответить');
    el.setAttribute('theme', 'kids');
    await waitUntil(() => text(el, '[part~="submit"]') === 'Ответить', 'no kids wording in Russian');
    el.setAttribute('locale', 'en');
    await waitUntil(() => text(el, '[part~="submit"]') === 'Answer', 'no kids wording in English');
  });

  it('speaks to kids when the page switches to kids (data-veche-theme on <html>), as the README shows', async () => {
    document.documentElement.setAttribute('data-veche-theme', 'kazan kids');
    try {
      const el = await renderPoll(polls.openSingle);
      await waitUntil(() => text(el, '[part~="submit"]') === 'Ответить', 'no kids wording with the page switch');
    } finally {
      document.documentElement.removeAttribute('data-veche-theme');
    }
  });

  it('renders in Tatar, through voting and results', async () => {
    const el = await renderPoll(polls.openSingle, { locale: 'tt' });
    await waitUntil(() => text(el, '[part~="submit"]') === 'Тавыш бирергә', 'Tatar did not load');
    await pick(el, 'Летняя сцена');
    await submit(el);
    await voted(el);
    expect(text(el, '.done')).to.contain('Рәхмәт! Сезнең тавыш исәпкә алынды.');
    const participants = backend.db.results(backend.db.poll('42')!).participants;
    expect(text(el, '[part~="results"]')).to.contain(`${participants} кеше тавыш бирде`);
    expect(text(el, '[part~="result-mine"]')).to.contain('(сезнең сайлау)');
    await expect(el).to.be.accessible();
  });
});

describe('<veche-poll> at 320 px', () => {
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 800, height: 600 }));
  beforeEach(async () => {
    reset();
    await mocks();
  });

  const fits = (el: HTMLElement) => {
    expect(document.documentElement.scrollWidth, 'page scrolls sideways').to.be.at.most(320);
    for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
      expect(node.getBoundingClientRect().right, `<${node.localName} class="${node.className}"> overflows`).to.be.at.most(321);
    }
  };

  it('no horizontal scroll: open single poll with images, voted with results, survey with an error, closed and scale', async () => {
    const single = await renderPoll(polls.openSingle);
    fits(single);
    await pick(single, 'Летняя сцена');
    await submit(single);
    await voted(single);
    expect($(single, '[part~="results"]')).to.exist;
    fits(single);
    const survey = await renderPoll(polls.survey);
    fits(survey);
    await submit(survey);
    expect($(survey, '#error')).to.exist;
    fits(survey);
    const closed = await renderPoll(polls.closed);
    fits(closed);
    const scale = await renderPoll(polls.openScale);
    fits(scale);
    await expect(scale).to.be.accessible();
  });

  it('no horizontal scroll: multiple choice at its maximum, and a survey\'s review step', async () => {
    const multiple = await renderPoll(polls.openMultiple);
    const options = backend.db.poll(polls.openMultiple)!.questions[0]!.options;
    await pick(multiple, options[0]!.label);
    await pick(multiple, options[1]!.label);
    expect(text(multiple, '#count')).to.contain('снимите одну из отметок');
    fits(multiple);
    const survey = await renderPoll(polls.survey);
    await answerSurvey(survey);
    await waitUntil(() => $(survey, '.review'), 'the review step did not load');
    expect(text(survey, '#step')).to.equal('Проверьте ответы перед отправкой');
    fits(survey);
  });

  it('no horizontal scroll: upcoming and not found', async () => {
    const upcoming = await renderPoll(polls.upcoming);
    expect(upcoming.matches(':state(upcoming)')).to.be.true;
    fits(upcoming);
    await mocks(...scenarios.notFound());
    const missing = await renderPoll('no-such-poll');
    expect(missing.matches(':state(not-found)')).to.be.true;
    fits(missing);
  });

  it('no horizontal scroll in the error and loading states', async () => {
    await mocks(...scenarios.serverError());
    const el = await renderPoll(polls.openSingle);
    expect(el.matches(':state(error)')).to.be.true;
    fits(el);
    await mocks(...scenarios.loading());
    const loading = await renderPoll(polls.openSingle, { loaded: false });
    expect(loading.matches(':state(loading)')).to.be.true;
    fits(loading);
  });

  it('no horizontal scroll in the offline and sign-in states', async () => {
    const offline = await renderPoll(polls.openSingle);
    await useOnly(...scenarios.offline());
    await pick(offline, 'Летняя сцена');
    await submit(offline);
    await waitUntil(() => offline.matches(':state(offline)') && $(offline, '[part~="offline"]'), 'not offline', { timeout: 7000 });
    fits(offline);
    offline.remove(); // it would send the vote when the connection returns…
    reset(); // …and the next poll would restore its pending vote
    await mocks(...scenarios.signedOut());
    const signedOut = await renderPoll(polls.openSingle, { citizen: null });
    await pick(signedOut, 'Летняя сцена');
    await submit(signedOut);
    await waitUntil(() => $(signedOut, '[part~="sign-in"]'), 'no sign-in prompt', { timeout: 7000 });
    fits(signedOut);
  });
});
