/** Points: wallet, ledger history, rewards, redemptions, charity donations. Spends never overdraw (the store checks inside one transaction). */
import { notFound, Problem, unprocessable } from '../problems';
import type { FundRow, RewardRow, Store } from '../store/repository';
import { isoNow, newId, ok, parseJson, randomCode, requireIdentity, type OperationHandler, type Schemas } from './context';
import { page, pageRequest } from './pagination';

const toReward = (r: RewardRow): Schemas['Reward'] => ({
  id: r.id, title: r.title, description: r.description, category: r.category as Schemas['RewardCategory'], partner: r.partner, cost: r.cost, stock: r.stock, howToUse: r.how_to_use,
  ...(r.image ? { image: parseJson(r.image, { url: '', alt: '' }) } : {}),
});
const toFund = (f: FundRow): Schemas['Fund'] => ({
  id: f.id, name: f.name, description: f.description, raised: f.raised, donors: f.donors, minDonation: f.min_donation, step: f.step,
  ...(f.image ? { image: parseJson(f.image, { url: '', alt: '' }) } : {}),
});
const insufficient = (missing: number) => unprocessable('insufficient-points', `Не хватает ${missing} баллов`, undefined, { missing });

export function walletOperations(store: Store): Record<string, OperationHandler> {
  return {
    getWallet: async (ctx) => {
      const me = requireIdentity(ctx);
      const t = await store.wallet.totals(me.id);
      const levels = await store.wallet.levels();
      const level = [...levels].reverse().find((l) => t.earned >= l.threshold) ?? levels[0]!;
      const next = levels.find((l) => l.threshold > t.earned) ?? null;
      return ok({ balance: t.balance, earned: t.earned, spent: t.spent, donated: t.donated, level, nextLevel: next, pointsToNextLevel: next ? next.threshold - t.earned : null, levels } satisfies Schemas['Wallet']);
    },
    listTransactions: async (ctx) => {
      const me = requireIdentity(ctx);
      const req = pageRequest(ctx.query);
      const rows = await store.wallet.transactions(me.id, ctx.query.kind as string | undefined, req.offset, req.limit + 1);
      return ok(page(rows, req, (r): Schemas['LedgerEntry'] => ({
        id: String(r.id), kind: r.kind as Schemas['LedgerKind'], amount: r.amount, reason: r.reason as Schemas['LedgerEntry']['reason'], description: r.description, createdAt: r.created_at,
        balanceAfter: r.balance_after, reference: r.ref_type && r.ref_id ? { type: r.ref_type as 'poll', id: r.ref_id } : null,
      })));
    },
    listRewards: async (ctx) => {
      const req = pageRequest(ctx.query);
      return ok(page(await store.wallet.rewards(ctx.query.category as string | undefined, req.offset, req.limit + 1), req, toReward));
    },
    listRedemptions: async (ctx) => {
      const me = requireIdentity(ctx);
      const req = pageRequest(ctx.query);
      return ok(page(await store.wallet.redemptions(me.id, req.offset, req.limit + 1), req, (r): Schemas['Redemption'] => ({
        id: r.id, rewardId: r.reward_id, rewardTitle: r.title, cost: r.cost, voucherCode: r.voucher_code, howToUse: r.how_to_use, createdAt: r.created_at,
      })));
    },
    redeemReward: async (ctx) => {
      const me = requireIdentity(ctx);
      const { rewardId } = ctx.body as Schemas['RedemptionCreate'];
      const reward = await store.wallet.reward(rewardId);
      if (!reward) throw notFound('Награда');
      const id = newId('r');
      const voucherCode = randomCode(3);
      const at = isoNow(ctx.now);
      const result = await store.wallet.redeem({ id, citizenId: me.id, rewardId, voucherCode, at,
        spend: { amount: reward.cost, kind: 'spent', reason: 'redemption', description: `Награда: ${reward.title}`, refType: 'reward', refId: reward.id } });
      if (result === 'out-of-stock') throw new Problem(409, 'out-of-stock', 'Эта награда закончилась');
      if ('insufficient' in result) throw insufficient(result.insufficient);
      return ok({
        redemption: { id, rewardId, rewardTitle: reward.title, cost: reward.cost, voucherCode, howToUse: reward.how_to_use, createdAt: at },
        reward: toReward((await store.wallet.reward(rewardId))!), points: { awarded: 0, spent: reward.cost, balance: result.balance, reason: 'redemption' },
      } satisfies Schemas['RedemptionResult'], 201);
    },
    listFunds: async (ctx) => {
      const req = pageRequest(ctx.query);
      return ok(page(await store.wallet.funds(req.offset, req.limit + 1), req, toFund));
    },
    donate: async (ctx) => {
      const me = requireIdentity(ctx);
      const { fundId, amount } = ctx.body as Schemas['DonationCreate'];
      const fund = await store.wallet.fund(fundId);
      if (!fund) throw notFound('Фонд');
      if (amount < fund.min_donation || amount % fund.step !== 0) {
        throw unprocessable('invalid-amount', `Сумма — от ${fund.min_donation}, кратная ${fund.step}`, [{ pointer: '/amount', detail: `от ${fund.min_donation}, кратно ${fund.step}`, code: amount < fund.min_donation ? 'min' : 'step' }]);
      }
      const id = newId('d');
      const receiptNumber = `ПЖ-${randomCode(2)}`;
      const at = isoNow(ctx.now);
      const result = await store.wallet.donate({ id, citizenId: me.id, fundId, amount, receiptNumber, at,
        spend: { amount, kind: 'donated', reason: 'donation', description: `Пожертвование: ${fund.name}`, refType: 'fund', refId: fundId } });
      if ('insufficient' in result) throw insufficient(result.insufficient);
      return ok({
        donation: { id, fundId, fundName: fund.name, amount, receiptNumber, createdAt: at }, fund: toFund((await store.wallet.fund(fundId))!),
        points: { awarded: 0, spent: amount, balance: result.balance, reason: 'donation' },
      } satisfies Schemas['DonationResult'], 201);
    },
  };
}
