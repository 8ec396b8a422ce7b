import type { WalletSectionMessages } from '../../../widgets/points-wallet/section-messages.js';

/**
 * The kids text layer of `<veche-points-wallet>`'s history, rewards and donations (Active Citizen
 * Kids, 6–14 years): short sentences, "ты", no officialese — giving to a fund is "подарить", as the
 * kids balance's "Помочь другим" tab says. The facts stay: the points, the stock, the voucher code
 * and the receipt, the fund the points go to, the amount limits, and that a saved spend is never
 * made twice. Only the keys that change; every other text comes from ../wallet-sections.ts.
 * Applied when the widget's theme (or the page's) includes `kids`.
 */
const kids: Partial<WalletSectionMessages> = {
  kindEarned: 'Получено',
  kindSpent: 'Потрачено',
  kindDonated: 'Подарено',
  entryEarned: 'Получено',
  entrySpent: 'Потрачено',
  entryDonated: 'Подарено',
  afterEntry: 'стало: {points}',
  historyEmpty: 'Здесь пока пусто. Голосуй и отвечай на опросы — за это дают баллы.',
  filterEmpty: 'Таких записей пока нет.',
  partner: 'Награду даёт {name}',
  outOfStock: 'Всё разобрали',
  confirmDonate: 'Подарить {points} фонду «{name}»?',
  after: 'Потом у тебя останется {points}.',
  confirm: 'Да, всё верно',
  waiting: 'Связи нет. Мы всё сохранили и отправим сами, когда связь появится. Баллы не потратятся два раза.',
  queued: {
    one: '{count} операция ждёт, когда появится связь. Баллы не потратятся два раза.',
    few: '{count} операции ждут, когда появится связь. Баллы не потратятся два раза.',
    many: '{count} операций ждут, когда появится связь. Баллы не потратятся два раза.',
    other: '{count} операции ждут, когда появится связь. Баллы не потратятся два раза.',
  },
  redeemed: 'Готово! Ты обменял(а) {points} на «{title}».',
  voucher: 'Твой код награды:',
  howToUse: 'Что с ним делать: {text}',
  outOfStockRace: 'Пока ты выбирал(а), награда «{title}» закончилась. Баллы остались у тебя, список наград обновился.',
  insufficientRace: 'Не хватает {points}: баллов стало меньше — может быть, в другой вкладке. Баллы не потрачены, счёт обновился.',
  donors: {
    one: '{count} человек помог',
    few: '{count} человека помогли',
    many: '{count} человек помогли',
    other: '{count} человека помогли',
  },
  amount: 'Сколько баллов подарить',
  amountHint: 'От {min} до {max}, число должно делиться на {step}.',
  donate: 'Подарить',
  donateQueued: 'Подарок уже ждёт отправки',
  tooLittle: 'Чтобы подарить, нужно хотя бы {points}.',
  amountRequired: 'Напиши, сколько баллов подарить.',
  amountWhole: 'Напиши целое число баллов.',
  amountMin: {
    one: 'Нужно хотя бы {count} балл.',
    few: 'Нужно хотя бы {count} балла.',
    many: 'Нужно хотя бы {count} баллов.',
    other: 'Нужно хотя бы {count} балла.',
  },
  amountMax: {
    one: 'У тебя только {count} балл.',
    few: 'У тебя только {count} балла.',
    many: 'У тебя только {count} баллов.',
    other: 'У тебя только {count} балла.',
  },
  amountStep: 'Число должно делиться на {step}.',
  thanks: 'Спасибо! Ты подарил(а) {points} фонду «{name}».',
};
export default kids;
