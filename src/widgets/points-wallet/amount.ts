import type { Fund } from './api.js';

/** What is wrong with a donation amount: a message key and its parameters; undefined when fine. */
export type AmountProblem = ['amountRequired' | 'amountWhole'] | ['amountMin' | 'amountMax', { count: number }] | ['amountStep', { step: number }];

export function checkAmount(raw: string, fund: Fund, balance: number): AmountProblem | undefined {
  const value = raw.trim();
  if (!value) return ['amountRequired'];
  if (!/^\d+$/.test(value)) return ['amountWhole'];
  const amount = Number(value);
  if (amount < fund.minDonation) return ['amountMin', { count: fund.minDonation }];
  if (amount > balance) return ['amountMax', { count: balance }];
  if (amount % fund.step !== 0) return ['amountStep', { step: fund.step }];
  return undefined;
}

/** The most a citizen can give: the balance, rounded down to the fund's step. */
export const maxDonation = (fund: Fund, balance: number) => Math.floor(balance / fund.step) * fund.step;

/** A few one-tap amounts that the fund accepts and the balance covers, and "all of it". */
export function quickAmounts(fund: Fund, balance: number): number[] {
  const max = maxDonation(fund, balance);
  const amounts = [fund.minDonation, 100, 500, max].filter((a) => a >= fund.minDonation && a <= max && a % fund.step === 0);
  return [...new Set(amounts)].sort((a, b) => a - b);
}
