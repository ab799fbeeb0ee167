// The words of targets in English, fetched when someone reads them in English.
import type { Words } from '../../../lib/i18n.ts';
import type zh from './zh.ts';

export default {
  'back': 'Back to the overview',
  'quote': 'Policy text',
  'chartTitle': 'Yearly values, target and projection',
  'reading': 'What it means',
  'series.actual': 'Actual',
  'series.target': 'Target',
  'series.path': 'Straight path',
  'series.projection': 'Projection at current pace',
  'kpi.latest': 'Latest',
  'kpi.target': 'Target',
  'kpi.baseline': 'Baseline',
  'kpi.progress': 'Progress',
  'kpi.pace': 'Observed / required pace',
  'breakdownTitle': 'Extra {{part}} each park would need',
  'breakdownText': 'At each park’s {{den}} of {{year}}, the extra {{part}} it would need to reach the target; the parks at the top hold the province back.',
  'parksTitle': 'Parks included',
  'classTitle': 'Each park’s progress',
  'viewMap': 'View on the map',
  'excludedTitle': 'Parks the aggregate could not include',
  'notFound': 'No such target',
  'classSeries': 'A bar for every park of the class: each park is measured on its own figures below; the class stands where its weakest park stands.',
  'noSeries': 'No values to draw yet: once figures are in, the yearly values, the target line, the straight path and the projection appear here.',
  'included': '{{year}}: {{included}} of {{expected}} parks included',
  'provisional': '(fewer than 80% reported: provisional)',
  'series.provisional': 'Provisional (fewer than 80% of the zones)',
  'chartNote.held': 'Met at the baseline: no straight path is drawn and no progress counted.',
  'chartNote.stale': 'The latest figures are from {{year}}, too old: nothing is projected.',
  'chartNote.noProjection': 'Fewer than two values: no projection at the current pace yet.',
} satisfies Words<typeof zh>;
