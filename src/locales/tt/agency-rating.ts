import type { AgencyRatingMessages } from '../../widgets/agency-rating/messages.js';

const tt: AgencyRatingMessages = {
  notFound: 'Идарә табылмады',
  notFoundHint: 'Бәлки, сылтама искергән.',
};
export default tt;
