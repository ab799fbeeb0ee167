// The words of review in English, fetched when someone reads them in English.
import type { Words } from '../../../lib/i18n.ts';
import type zh from './zh.ts';

export default {
  'title': 'Review submitted figures',
  'intro': 'Submitted figures by park and year, with last year’s figure and the change; jumps over ×5 are marked ⚠. Sending back needs a comment.',
  'allYears': 'All years',
  'emptyTitle': 'Nothing to review',
  'emptyText': 'Figures appear here once parks submit them.',
  'count': '{{count}} to review',
  'selectAll': 'Select all',
  'select': 'Select',
  'selectOne': 'Select {{name}}',
  'openForm': 'Open the form',
  'col.value': 'Submitted',
  'col.change': 'Change',
  'col.by': 'Entered by',
  'jump': 'Jump',
  'jumpTitle': 'More than ×5 from last year: check the unit (万元/亿元)',
  'comment': 'Comment (required to send back)',
  'commentPlaceholder': 'e.g. please attach the statistics bureau’s confirmation',
  'commentRequired': 'Write a comment to send figures back.',
  'selected': '{{count}} selected',
  'approve': 'Approve',
  'return': 'Send back',
  'approved': 'Approved {{count}} figures.',
  'returned': 'Sent back {{count}} figures.',
  'conflictHelp': 'These figures changed after you opened the list; nothing was changed. Refresh the list and review the new values.',
  'refresh': 'Refresh the list',
} satisfies Words<typeof zh>;
