/**
 * A citizen's choices while answering, keyed by question id: option ids for single and
 * multiple questions, a number for a 1–5 scale. Converted to the contract's `Answer[]` only
 * when sending (results.ts converts them back to show what the citizen chose).
 */
import type { Answer, PollQuestion } from './api.js';

export type Choice = string[] | number;
export type Choices = Record<string, Choice>;

/** What is wrong with an answer, as a message key of the poll namespace and its count. */
export type AnswerProblem = ['errorRequired'] | ['errorMin' | 'errorMax', number];

export const isEmpty = (choice: Choice | undefined): boolean =>
  choice === undefined || (Array.isArray(choice) && choice.length === 0);

export function checkAnswer(question: PollQuestion, choice: Choice | undefined): AnswerProblem | undefined {
  if (isEmpty(choice)) return question.required ? ['errorRequired'] : undefined;
  if (question.type !== 'multiple' || !Array.isArray(choice)) return undefined;
  if (question.minChoices && choice.length < question.minChoices) return ['errorMin', question.minChoices];
  if (question.maxChoices && choice.length > question.maxChoices) return ['errorMax', question.maxChoices];
  return undefined;
}

export function toAnswers(questions: PollQuestion[], choices: Choices): Answer[] {
  return questions.flatMap((q): Answer[] => {
    const choice = choices[q.id];
    if (choice === undefined || isEmpty(choice)) return [];
    return [typeof choice === 'number' ? { questionId: q.id, value: choice } : { questionId: q.id, optionIds: choice }];
  });
}
