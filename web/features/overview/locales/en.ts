// The words of overview in English, fetched when someone reads them in English.
import type { Words } from '../../../lib/i18n.ts';
import type zh from './zh.ts';

export default {
  'title': 'Targets at a glance',
  'summary': '{{count}} targets',
  'emptyTitle': 'No targets match',
  'emptyText': 'Try another province, plan or target year; targets appear here once entered from the policy documents.',
  'latest': 'Latest',
  'target': 'Target',
  'noData': 'No data yet',
  'sparkline': '{{name}} over the years',
  'words.provisional': 'Provisional',
  'words.awaiting': 'Awaiting {{year}} figures',
  'words.excluded': '{{count}} parks could not be included',
  'words.classOnTrack': '{{ok}} of {{total}} parks achieved or on track',
  'words.classNoData': '{{count}} parks without enough figures',
  'words.classWeakest': 'Weakest: {{names}}',
  'words.coverage': '{{covered}} of {{total}} covered',
  'words.uncovered': 'Not covered: {{names}}',
  'notes.noRegionSetTitle': 'The regions this target covers have not been entered yet',
  'notes.coverageTitle': 'From the park register, as of {{year}}',
  'notes.aggregateTitle': 'Aggregate of {{year}}',
  'notes.provisionalTitle': 'Too few parks reported: the aggregate is provisional',
  'notes.excludedPark': '{{park}} ({{year}}): {{reason}}',
  'notes.awaitingTitle': 'The target year has passed; its figures are not in yet',
  'source': 'Source: {{title}}',
  'sourceDated': 'Source: {{title}} ({{date}})',
} satisfies Words<typeof zh>;
