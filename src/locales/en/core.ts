import type { CoreMessages } from '../../core/messages.js';

const en: CoreMessages = {
  loading: 'Loading…',
  configErrorTitle: 'This section is not available right now',
  configErrorHint: "For the site's administrator: the widget is misconfigured, see the browser console.",
  signInTitle: 'Sign-in required',
  signInText: 'Sign in through the portal to continue. Everything you entered is kept.',
  signInAction: 'Sign in',
  errorNetwork: 'Cannot reach the server. Check your internet connection.',
  errorServer: 'The service is not responding. Please try again in a minute.',
  errorNotFound: 'Not found. The link may be out of date.',
  errorForbidden: 'You do not have access to this action.',
  errorRateLimited: 'Too many requests. Please wait a moment and try again.',
  errorValidation: 'Please check what you entered.',
  errorUnknown: 'Something went wrong. Please try again.',
  retry: 'Try again',
  offline: 'You are offline. What you entered is saved and will be sent when you are back online.',
  draftRestored: 'We restored your draft from {date}.',
  draftContinue: 'Continue',
  draftDiscard: 'Start over',
  required: 'required',
  points: { one: '{count} point', other: '{count} points' },
  days: { one: '{count} day', other: '{count} days' },
  people: { one: '{count} person', other: '{count} people' },
};
export default en;
