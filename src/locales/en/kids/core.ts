import type { CoreMessages } from '../../../core/messages.js';

/** The kids text layer of the shared texts in English: short, friendly sentences. Only changed keys. */
const kids: Partial<CoreMessages> = {
  signInTitle: 'Sign in first',
  signInText: 'Sign in to the site to go on. Everything you wrote stays here.',
  errorNetwork: 'No internet. Check that your device is connected.',
  errorServer: 'The site is not answering right now. Try again a bit later.',
  errorNotFound: 'We found nothing. The link may be old.',
  errorForbidden: 'You cannot do this.',
  errorRateLimited: 'Too fast! Wait a little and try again.',
  errorValidation: 'Check what you wrote.',
  errorUnknown: 'Something broke. Try again.',
  retry: 'One more time',
  offline: 'No internet. We saved everything and will send it when the internet is back.',
  draftRestored: 'We kept what you started writing on {date}.',
  required: 'needed',
};
export default kids;
