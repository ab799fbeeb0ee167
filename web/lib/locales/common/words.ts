// The common words, registered for the code that uses them: the Chinese in its chunk, the English fetched
// when someone reads them in English.
import { registerWords } from '../../i18n.ts';
import zh from './zh.ts';

registerWords('common', zh, () => import('./en.ts'));
