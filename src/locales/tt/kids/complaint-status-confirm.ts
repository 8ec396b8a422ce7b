import type { ComplaintConfirmationMessages } from '../../../widgets/complaint-status/confirmation-messages.js';

/** The kids text layer of `<veche-complaint-status>`'s confirm-or-dispute panel in Tatar: short sentences, "син"; the date, what each answer does and the photo limits stay. Only changed keys. */
const kids: Partial<ComplaintConfirmationMessages> = {
  confirmHint: 'Хезмәт проблема хәл ителде дип әйтә. {date} кадәр җавап бир: дөресме?',
  confirmYes: 'Әйе, төзәттеләр',
  confirmNo: 'Юк, төзәтмәделәр',
  disputeComment: 'Хезмәт өчен аңлатма',
  disputeCommentRequired: 'Нәрсә эшләнмәгәнен яз — хезмәт синең аңлатманы алачак.',
  commentTooLong: 'Аңлатма {max} билгедән озынрак — кыскарт.',
  photo: 'Фото (калдырырга була, {max} кадәр)',
  photoType: 'Рәсем генә ярый: JPEG, PNG, WebP яки GIF.',
  photoSize: 'Фото 5 МБ тан зуррак — кечерәк файл сайла.',
  photoLimit: '{max} фотодан артык өстәп булмый — артыклары өстәлмәде.',
  photoFull: 'Башка фото өстәп булмый ({max} кадәр).',
  sendDispute: 'Төзәтү белән риза түгелмен',
  queued: 'Без җавапны саклап калдык, интернет булгач җибәрербез.',
  confirmed: 'Рәхмәт! Син төзәтелгәнен расладың, хәбәр ябылды.',
  disputed: 'Син төзәтелмәде дип җавап бирдең. Хәбәр хезмәткә кайтты.',
  confirmExpired: 'Җавап бирү вакыты {date} тәмамланды.',
  notConfirmable: 'Хәбәр инде синең җавабыңны көтми — менә аның хәзерге хәле.',
  yourConfirmation: 'Синең җавап: {outcome}',
  outcome_confirmed: 'төзәттеләр',
  outcome_disputed: 'төзәтмәделәр',
  rateOffer: 'Хезмәт синең проблемаңны ничек хәл иткәнен бәялә.',
  rated: 'Син бу хәбәр буенча хезмәтне бәяләдең инде.',
};
export default kids;
