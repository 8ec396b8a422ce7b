import type { AgencyRatingPartMessages } from '../../../widgets/agency-rating/part-messages.js';

/** The kids text layer of `<veche-agency-rating>` in Tatar: short sentences, "син" ("Ничек яхшы төзәттеләр?"); the rules stay. Only changed keys. */
const kids: Partial<AgencyRatingPartMessages> = {
  distribution: 'Нинди бәяләр күпме',
  onTime: 'Вакытында җавап бирделәр',
  medianDays: 'Гадәттә хәл итү вакыты',
  openNow: 'Хәзер ачык хәбәрләр',
  website: 'Хезмәт сайты',
  reviews: 'Кешеләр нәрсә яза',
  noReviews: 'Әлегә беркем дә фикерен язмады.',
  rateTitle: 'Ничек яхшы төзәттеләр?',
  rateHint: 'Бу хезмәт эшләгән һәм ябылган үз хәбәреңне генә бәяли аласың. Бер хәбәр — бер бәя.',
  yourStars: 'Синең бәя',
  starsRequired: '1 дән 5 кә кадәр бәя сайла.',
  complaintLabel: 'Проблема турында хәбәр',
  comment: 'Синең фикер',
  commentTooLong: 'Фикерең {max} билгедән озынрак — кыскарт.',
  optional: 'калдырырга була',
  queued: 'Без бәяне саклап калдык, интернет булгач җибәрербез.',
  thanks: 'Рәхмәт! Синең бәя исәпкә алынды.',
  pointsEarned: 'Сиңа {points} исәпләнде!',
  signInToRate: 'Бәя кую өчен портал аша кер.',
  noClosedComplaint:
    'Хезмәт синең проблемаңны хәл итеп, син моны раслагач кына бәя куя аласың. Бу хезмәт хәл иткән ябык хәбәрләрең әлегә юк.',
  allRated: 'Син бу хезмәтне барлык ябык хәбәрләрең буенча бәяләдең инде. Бер хәбәр — бер бәя.',
  alreadyRated: 'Бу хәбәр буенча бәя бирелгән инде: бер хәбәр — бер бәя, икенчесен кабул итмиләр.',
  complaintNotEligible: '{id} хәбәрен бәяләп булмый: ул ябылмаган, синеке түгел, бәяләнгән яки аны башка хезмәт хәл иткән.',
  notEligible: 'Бәяне кабул итмәделәр: бу хезмәт хәл иткән үз ябык хәбәреңне генә бәяли аласың.',
  rankingTitle: 'Шәһәр хезмәтләре рейтингы',
  rankingCaption: 'Хезмәтләр халык бәяләре буенча. Тәртипне үзгәртү өчен багана исеменә бас.',
  colAgency: 'Хезмәт',
  colVolume: 'Хәбәрләр',
  emptyRanking: 'Әлегә хезмәтләр юк.',
  notFound: 'Мондый хезмәт юк',
  notFoundHint: 'Бәлки, сылтама иске.',
};
export default kids;
