import type { ComplaintConfirmationMessages } from '../../../widgets/complaint-status/confirmation-messages.js';

/**
 * The kids text layer of `<veche-complaint-status>`'s confirm-or-dispute panel (Active Citizen
 * Kids, 6–14 years): short sentences, "ты", no officialese — "всё исправили?". What the answer does
 * stays: until the date, yes closes the message, no sends it back to the service with the comment;
 * the photo limits stay. Only the keys that change; every other text comes from
 * ../complaint-status-confirm.ts. Applied when the widget's theme (or the page's) includes `kids`.
 */
const kids: Partial<ComplaintConfirmationMessages> = {
  confirmHint: 'Служба сообщила, что проблема решена. До {date} ответь: так ли это?',
  confirmYes: 'Да, всё исправили',
  confirmNo: 'Нет, не исправили',
  disputeComment: 'Твой комментарий для службы',
  disputeCommentRequired: 'Напиши, что не сделано, — служба получит твой комментарий.',
  commentTooLong: 'Комментарий длиннее {max} символов — сделай его короче.',
  photo: 'Фото (можно пропустить, до {max})',
  photoType: 'Подойдёт только картинка: JPEG, PNG, WebP или GIF.',
  photoSize: 'Фото больше 5 МБ — выбери файл поменьше.',
  photoLimit: 'Можно добавить не больше {max} фото — лишние не добавились.',
  photoFull: 'Больше фото добавить нельзя (не больше {max}).',
  sendDispute: 'Не согласиться с решением',
  queued: 'Мы сохранили ответ и отправим его, когда появится интернет.',
  confirmed: 'Спасибо! Ты подтвердил(а), что всё исправили. Сообщение закрыто.',
  disputed: 'Ты ответил(а), что не исправили. Сообщение вернулось в службу.',
  confirmExpired: 'Время для ответа закончилось {date}',
  notConfirmable: 'Сообщение уже не ждёт твоего ответа — вот что с ним сейчас.',
  yourConfirmation: 'Твой ответ: {outcome}',
  outcome_confirmed: 'всё исправили',
  outcome_disputed: 'не исправили',
  rateOffer: 'Оцени, как служба справилась с проблемой.',
  rated: 'Ты уже оценил(а) работу службы по этому сообщению.',
};
export default kids;
