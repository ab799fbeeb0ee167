// The review feature's words, registered for whatever of it is loaded: the Chinese in this chunk, the
// English fetched when someone reads them in English. Imported by the feature's pages.
import { registerWords } from '../../lib/i18n.ts';
import zh from './locales/zh.ts';

registerWords('review', zh, () => import('./locales/en.ts'));
