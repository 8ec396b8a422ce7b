import type { IdeaBoardMessages } from '../../../widgets/idea-board/messages.js';

/** The kids text layer of `<veche-idea-board>` in Tatar: short sentences, "син". Only changed keys. */
const kids: Partial<IdeaBoardMessages> = {
  boardTitle: 'Шәһәр өчен идеяләр',
  searchHint: 'Идея исеменнән яки текстыннан бер сүз яз.',
  sortPopular: 'Иң күп хупланганнар',
  statusModeration: 'Тикшерәбез',
  statusReview: 'Шәһәр уйлый',
  statusAccepted: 'Шәһәр риза булды',
  statusImplemented: 'Эшләнде!',
  statusRejected: 'Килеп чыкмады',
  propose: 'Үз идеяңне тәкъдим ит',
  listHint: 'Өскә һәм аска уклар — башка идеягә, Enter — аны ачарга.',
  empty: 'Идеяләр әлегә юк. Беренчесен уйлап тап!',
  noResults: 'Берни дә табылмады.',
  noResultsHint: 'Башка сүз язып кара яки фильтрларны ташла.',
  mineEmpty: 'Син әле идея тәкъдим итмәдең.',
  endOfList: 'Башка идеяләр юк.',
  toThreshold: { other: 'Идея шәһәргә тапшырылсын өчен {count} тавыштан {supporters}' },
  thresholdReached: 'Тавышлар җитә — идея шәһәргә тапшырылачак!',
  supported: 'Син хупладың',
  withdraw: 'Фикеремне үзгәрттем',
  supportDone: 'Син «{title}» идеясен хупладың.',
  withdrawDone: 'Син «{title}» идеясен башка хупламыйсың.',
  supportFailed: 'Килеп чыкмады: {reason}',
  supportClosed: 'Бу идеяне әлегә хуплап булмый.',
  submitted: 'Ура! Идеяне тикшерәчәкләр һәм барысына да күрсәтәчәкләр.',
};
export default kids;
