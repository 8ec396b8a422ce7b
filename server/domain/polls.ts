/** Polls and surveys: listing, results as the policy allows, one vote per citizen, receipts. */
import { pollStatusAt } from '../../api/fixtures/demo-region';
import { notFound, Problem, unprocessable, type FieldError } from '../problems';
import type { PollRow, Store, TallyRow, VoteOutcome } from '../store/repository';
import { IdempotencyConflict, isoNow, ok, parseJson, randomCode, requireIdentity, type DomainOptions, type OperationHandler, type OperationResult, type Schemas } from './context';
import { page, pageRequest } from './pagination';

type Question = Schemas['PollQuestion'];
type Answer = Schemas['Answer'];

/** Parsed poll definitions never change after creation, so they are cached per process. */
const questionCache = new Map<string, Question[]>();
const questionsOf = (row: PollRow): Question[] => {
  let q = questionCache.get(row.id);
  if (!q) { q = parseJson<Question[]>(row.questions, []); questionCache.set(row.id, q); }
  return q;
};

function resultsVisible(policy: Schemas['ResultsPolicy'], status: Schemas['PollStatus'], voted: boolean): boolean {
  if (policy === 'live') return true;
  if (policy === 'hidden') return false;
  if (policy === 'after-close') return status === 'closed';
  return voted || status === 'closed';
}

function buildResults(questions: Question[], participants: number, final: boolean, data: { tallies: TallyRow[]; respondents: { question_id: string; count: number }[] }): Schemas['PollResults'] {
  const counts = new Map(data.tallies.map((t) => [`${t.question_id}\u0000${t.option_key}`, t.count]));
  const respondents = new Map(data.respondents.map((r) => [r.question_id, r.count]));
  return {
    participants, final,
    questions: questions.map((q) => {
      const n = respondents.get(q.id) ?? 0;
      const keys = q.type === 'scale' ? ['1', '2', '3', '4', '5'] : q.options.map((o) => o.id);
      const options = keys.map((k) => { const count = counts.get(`${q.id}\u0000${k}`) ?? 0; return { optionId: k, count, share: n ? Math.round((count / n) * 10000) / 10000 : 0 }; });
      const result: Schemas['QuestionResult'] = { questionId: q.id, type: q.type, respondents: n, options };
      if (q.type === 'scale') result.average = n ? Math.round((options.reduce((s, o) => s + Number(o.optionId) * o.count, 0) / n) * 100) / 100 : null;
      return result;
    }),
  };
}

/** Checks answers against the poll's questions; returns field errors pointing into the request. */
export function validateAnswers(questions: Question[], answers: Answer[]): FieldError[] {
  const errors: FieldError[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    const at = `/answers/${i}`;
    if (!q) { errors.push({ pointer: `${at}/questionId`, detail: 'нет такого вопроса', code: 'unknown-question' }); return; }
    if (seen.has(q.id)) { errors.push({ pointer: `${at}/questionId`, detail: 'повторный ответ на вопрос', code: 'duplicate' }); return; }
    seen.add(q.id);
    if (q.type === 'scale') {
      if (a.optionIds) errors.push({ pointer: `${at}/optionIds`, detail: 'для шкалы нужен value', code: 'unexpected' });
      if (a.value === undefined) errors.push({ pointer: `${at}/value`, detail: 'выберите оценку от 1 до 5', code: 'required' });
      return;
    }
    if (a.value !== undefined) errors.push({ pointer: `${at}/value`, detail: 'для этого вопроса нужны optionIds', code: 'unexpected' });
    const ids = a.optionIds ?? [];
    if (ids.length === 0) { errors.push({ pointer: `${at}/optionIds`, detail: 'выберите вариант', code: 'required' }); return; }
    const valid = new Set(q.options.map((o) => o.id));
    ids.forEach((id, j) => { if (!valid.has(id)) errors.push({ pointer: `${at}/optionIds/${j}`, detail: 'нет такого варианта', code: 'unknown-option' }); });
    if (q.type === 'single' && ids.length !== 1) errors.push({ pointer: `${at}/optionIds`, detail: 'нужен ровно один вариант', code: 'max' });
    if (q.type === 'multiple') {
      const min = q.minChoices ?? 1;
      const max = q.maxChoices ?? q.options.length;
      if (ids.length < min) errors.push({ pointer: `${at}/optionIds`, detail: `выберите не меньше ${min}`, code: 'min' });
      if (ids.length > max) errors.push({ pointer: `${at}/optionIds`, detail: `выберите не больше ${max}`, code: 'max' });
    }
  });
  questions.forEach((q) => { if (q.required && !seen.has(q.id)) errors.push({ pointer: '/answers', detail: `нет ответа на обязательный вопрос «${q.text}»`, code: 'required' }); });
  return errors;
}

export function pollOperations(store: Store, options: DomainOptions): Record<string, OperationHandler> {
  const pointsFor = (row: PollRow) => (row.kind === 'survey' ? options.pointRules.survey : options.pointRules.vote);
  const summary = (row: PollRow, now: Date, voted: boolean): Schemas['PollSummary'] => {
    const status = pollStatusAt({ opensAt: row.opens_at, closesAt: row.closes_at }, now);
    const s: Schemas['PollSummary'] = {
      id: row.id, kind: row.kind, title: row.title, status, opensAt: row.opens_at, closesAt: row.closes_at, resultsPolicy: row.results_policy,
      questionCount: questionsOf(row).length, participants: resultsVisible(row.results_policy, status, voted) ? row.participants : null, points: pointsFor(row), votedByMe: voted,
    };
    if (row.description) s.description = row.description;
    if (row.image) s.image = parseJson(row.image, { url: '', alt: '' });
    return s;
  };

  return {
    listPolls: async (ctx) => {
      const req = pageRequest(ctx.query);
      const rows = await store.polls.list({ status: ctx.query.status as Schemas['PollStatus'] | undefined, now: ctx.now.toISOString() }, req.offset, req.limit + 1);
      const voted = ctx.identity ? await store.polls.votedIn(ctx.identity.id, rows.map((r) => r.id)) : new Set<string>();
      return ok(page(rows, req, (r) => summary(r, ctx.now, voted.has(r.id))));
    },
    getPoll: async (ctx) => {
      const row = await store.polls.get(ctx.params.id!);
      if (!row) throw notFound('Голосование');
      const mine = ctx.identity ? await store.polls.myVote(row.id, ctx.identity.id) : undefined;
      const s = summary(row, ctx.now, Boolean(mine));
      const visible = resultsVisible(row.results_policy, s.status, Boolean(mine));
      return ok({
        ...s, questions: questionsOf(row),
        myVote: mine ? { receipt: mine.receipt, votedAt: mine.created_at, answers: parseJson(mine.answers, []) } : null,
        results: visible ? buildResults(questionsOf(row), row.participants, s.status === 'closed', await store.polls.tallies(row.id)) : null,
      } satisfies Schemas['Poll']);
    },
    castVote: async (ctx) => {
      const me = requireIdentity(ctx);
      const row = await store.polls.get(ctx.params.id!);
      if (!row) throw notFound('Голосование');
      const status = pollStatusAt({ opensAt: row.opens_at, closesAt: row.closes_at }, ctx.now);
      if (status !== 'open') throw unprocessable('poll-not-open', status === 'upcoming' ? `Голосование откроется ${row.opens_at}` : 'Голосование завершено');
      const { answers } = ctx.body as Schemas['VoteRequest'];
      const questions = questionsOf(row);
      const errors = validateAnswers(questions, answers);
      if (errors.length) throw unprocessable('invalid-answers', 'Ответы не подходят к вопросам голосования', errors);
      const at = isoNow(ctx.now);
      const receipt = randomCode(5);
      const award = pointsFor(row);
      const reason = row.kind === 'survey' ? 'survey' : 'vote';
      const withResults = resultsVisible(row.results_policy, status, true);
      const respond = (outcome: VoteOutcome): OperationResult => ok({
        pollId: row.id, receipt, votedAt: at, answers,
        results: outcome.results ? buildResults(questions, outcome.participants, false, outcome.results) : null,
        points: { awarded: award, spent: 0, balance: outcome.balance, reason },
      } satisfies Schemas['VoteResult'], 201);
      // With an Idempotency-Key the response is stored in the vote's own transaction: a crash can
      // never leave a counted vote whose retry is refused instead of replayed.
      let response: OperationResult | undefined;
      const seal = ctx.seal;
      const result = await store.polls.castVote({
        pollId: row.id, citizenId: me.id, receipt, answers: JSON.stringify(answers), at, withResults,
        optionKeys: answers.flatMap((a) => (a.optionIds ?? [String(a.value)]).map((k): [string, string] => [a.questionId, k])),
        answered: answers.map((a) => a.questionId),
        award: { amount: award, kind: 'earned', reason, description: `${row.kind === 'survey' ? 'Опрос' : 'Голосование'} «${row.title}»`, refType: 'poll', refId: row.id },
      }, seal ? { ...seal.key, render: (outcome) => seal.render((response = respond(outcome))) } : null);
      if (result === 'duplicate') throw new Problem(409, 'already-voted', 'Вы уже проголосовали в этом голосовании');
      if (result === 'idempotency-conflict') throw new IdempotencyConflict();
      return response ?? respond(result);
    },
    checkVoteReceipt: async (ctx) => {
      const r = await store.polls.receipt(ctx.params.receipt!);
      if (!r) throw notFound('Бюллетень с таким кодом');
      return ok({ receipt: ctx.params.receipt!, counted: true, pollId: r.poll_id, pollTitle: r.title, countedAt: r.created_at } satisfies Schemas['ReceiptCheck']);
    },
  };
}
