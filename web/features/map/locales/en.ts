// The words of map in English, fetched when someone reads them in English.
import type { Words } from '../../../lib/i18n.ts';
import type zh from './zh.ts';

export default {
  'title': 'Map',
  'mode': 'Show',
  'coverageOption': 'Coverage: {{name}}',
  'uncoveredTitle': 'Cities not covered',
  'allCovered': 'Every city is covered',
  'coveredLegend': 'Covered',
  'uncoveredLegend': 'Not covered',
  'noValue': 'No data',
  'cityTable': 'By city',
  'parksNote': 'Parks are placed within their city for orientation, not at their exact location.',
  'noMap': 'No offline map of this province yet; the cities are listed below.',
  'col.city': 'City',
  'col.parks': 'Parks included',
  'parks': 'Parks',
} satisfies Words<typeof zh>;
