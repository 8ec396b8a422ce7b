import type { AgencyRatingPartMessages } from '../../../widgets/agency-rating/part-messages.js';

/**
 * The kids text layer of `<veche-agency-rating>` (Active Citizen Kids, 6–14 years): short
 * sentences, "ты", no officialese — "как хорошо всё исправили?". The rules stay as they are: only
 * your own closed complaint, one rating each. Only the keys that change; every other text comes
 * from ../agency-rating-parts.ts (the element shows no text of its own before a part is here).
 * Applied when the widget's theme (or the page's) includes `kids`.
 */
const kids: Partial<AgencyRatingPartMessages> = {
  distribution: 'Сколько каких оценок',
  onTime: 'Ответили вовремя',
  medianDays: 'Обычно решают за',
  openNow: 'Открытых сообщений сейчас',
  website: 'Сайт службы',
  reviews: 'Что пишут жители',
  noReviews: 'Пока никто не написал, что думает.',
  rateTitle: 'Как хорошо всё исправили?',
  rateHint: 'Оценку можно поставить за своё закрытое сообщение, которым занималась эта служба. Одно сообщение — одна оценка.',
  yourStars: 'Твоя оценка',
  starsRequired: 'Выбери оценку от 1 до 5.',
  complaintLabel: 'Сообщение о проблеме',
  comment: 'Твой отзыв',
  commentTooLong: 'Отзыв длиннее {max} символов — сделай его короче.',
  optional: 'можно пропустить',
  queued: 'Мы сохранили оценку и отправим её, когда появится интернет.',
  thanks: 'Спасибо! Твоя оценка засчитана.',
  pointsEarned: 'Тебе начислено: {points}!',
  signInToRate: 'Чтобы поставить оценку, войди через портал.',
  noClosedComplaint:
    'Оценку можно поставить, когда служба решит твою проблему и ты подтвердишь, что всё исправлено. Пока у тебя нет закрытых сообщений, которые решала эта служба.',
  allRated: 'Ты уже оценил(а) эту службу за все свои закрытые сообщения. Одно сообщение — одна оценка.',
  alreadyRated: 'За это сообщение оценка уже есть. Одно сообщение — одна оценка, вторую поставить нельзя.',
  complaintNotEligible: 'Сообщение {id} оценить нельзя: оно не закрыто, не твоё, уже оценено или его решала другая служба.',
  notEligible: 'Оценку не приняли: оценить можно только своё закрытое сообщение, которое решала эта служба.',
  rankingTitle: 'Рейтинг городских служб',
  rankingCaption: 'Службы по оценкам жителей. Нажми на название столбца, чтобы поменять порядок.',
  colAgency: 'Служба',
  colVolume: 'Сообщений',
  sortedBy: 'Порядок: {column}, от большего к меньшему.',
  emptyRanking: 'Служб пока нет.',
  notFound: 'Такой службы нет',
  notFoundHint: 'Может быть, ссылка старая.',
};
export default kids;
