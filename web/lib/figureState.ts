// How the state of a reported figure looks, the same on the entry form, the review list and the
// completeness board: an icon, a word and a colour together, never colour alone.
import type { WordKey } from './i18n.ts';

export type FigureState = 'missing' | 'draft' | 'returned' | 'submitted' | 'approved';

export interface FigureStateLook {
  icon: string;
  /** Its word, in the common namespace (so any feature's translator reads it). */
  label: `common:${WordKey}`;
  /** Text and border colour (dark enough for small text on `background`). */
  color: string;
  background: string;
}

const LOOKS: Record<FigureState, FigureStateLook> = {
  missing: { icon: '○', label: 'common:figureState.missing', color: '#8a1c14', background: '#fce4e1' },
  draft: { icon: '✎', label: 'common:figureState.draft', color: '#7a5200', background: '#fdf0c8' },
  returned: { icon: '↩', label: 'common:figureState.returned', color: '#a34a00', background: '#fde7d3' },
  submitted: { icon: '↑', label: 'common:figureState.submitted', color: '#1d4f75', background: '#e2edf7' },
  approved: { icon: '✔', label: 'common:figureState.approved', color: '#1b6e34', background: '#e3f4e8' },
};

export function figureStateLook(state: FigureState): FigureStateLook {
  return LOOKS[state];
}

/** The state of a stored figure (or none): a draft with a planner's comment was sent back. */
export function figureState(figure: { status: 'draft' | 'submitted' | 'approved'; returned?: boolean } | null | undefined): FigureState {
  if (!figure) return 'missing';
  if (figure.status === 'draft' && figure.returned) return 'returned';
  return figure.status;
}
