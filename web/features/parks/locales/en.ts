// The words of parks in English, fetched when someone reads them in English.
import type { Words } from '../../../lib/i18n.ts';
import type zh from './zh.ts';

export default {
  'title': 'Parks',
  'tab.table': 'Table',
  'tab.ranking': 'Ranking',
  'col.level': 'Level',
  'columns': 'Indicators shown',
  'emptyTitle': 'No parks match',
  'emptyText': 'Try another city or level.',
  'ranking.title': 'Parks ranked by {{indicator}}',
  'notApplicable': 'n/a',
  'park.back': 'Back to the parks',
  'park.approved': 'Approved',
  'park.latest': 'Latest {{value}} ({{year}})',
  'park.col.year': 'Year',
  'park.col.indicator': 'Indicator',
  'park.col.value': 'Value',
  'park.col.source': 'Source',
  'park.col.enteredBy': 'Entered by',
  'park.col.enteredAt': 'Entered at',
  'park.basis.parts': 'from its parts',
  'park.noSeries': 'No figures to draw yet',
  'park.noFigures': 'This park has not reported any figures yet.',
  'park.targets': 'Targets that apply',
  'park.notFound': 'No such park',
  'park.secondary': 'secondary report',
} satisfies Words<typeof zh>;
