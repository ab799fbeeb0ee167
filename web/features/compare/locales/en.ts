// The words of compare in English, fetched when someone reads them in English.
import type { Words } from '../../../lib/i18n.ts';
import type zh from './zh.ts';

export default {
  'title': 'Compare',
  'text': 'Set provinces (all their parks aggregated) or parks side by side on one indicator.',
  'provinces': 'Provinces',
  'parks': 'Parks',
  'addPark': 'Add a park',
  'parksFrom': 'Parks from',
  'remove': 'Remove {{name}}',
  'choose': 'Choose at least one province or park.',
  'notAggregable': 'This indicator does not add up over parks: compare parks only.',
  'noData': '{{name}} (no figures to compare)',
  'provinceZones': '{{province}} (zones)',
} satisfies Words<typeof zh>;
