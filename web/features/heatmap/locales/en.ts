// The words of heatmap in English, fetched when someone reads them in English.
import type { Words } from '../../../lib/i18n.ts';
import type zh from './zh.ts';

export default {
  'title': 'Parks × targets by status',
  'text': 'Each park’s own figures against the targets that apply to it (its own, its class’s, and the province’s ratio targets).',
  'empty': 'No target can be held against single parks',
} satisfies Words<typeof zh>;
