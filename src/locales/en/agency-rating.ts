import type { AgencyRatingMessages } from '../../widgets/agency-rating/messages.js';

const en: AgencyRatingMessages = {
  notFound: 'Agency not found',
  notFoundHint: 'The link may be out of date.',
};
export default en;
