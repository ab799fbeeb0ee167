// The words of auth in English, fetched when someone reads them in English.
import type { Words } from '../../../lib/i18n.ts';
import type zh from './zh.ts';

export default {
  'title': 'Sign in',
  'intro': 'Park managers, planners and admins sign in to enter and review figures; anyone can read the progress.',
  'username': 'User name',
  'password': 'Password',
  'usernameRequired': 'Enter your user name',
  'passwordRequired': 'Enter your password',
  'submit': 'Sign in',
  'signingIn': 'Signing in…',
  'waitButton': 'Wait {{seconds}} s',
  'invalid': 'Wrong user name or password.',
  'tooMany': 'Too many failed sign-ins: wait {{seconds}} s and try again.',
  'tryAgainNow': 'You may try again now.',
  'network': 'Cannot reach the server; check the network and try again.',
  'hint': 'Forgot your password? Ask an administrator to reset it.',
  'signedInAs': 'Signed in as {{name}}',
  'continue': 'Continue',
  'signIn': 'Sign in',
  'signOut': 'Sign out',
  'signOutEverywhere': 'Sign out everywhere',
  'menuLabel': 'Account menu: {{name}}',
  'account': 'Account: {{username}}',
  'myTasks': 'My tasks',
} satisfies Words<typeof zh>;
