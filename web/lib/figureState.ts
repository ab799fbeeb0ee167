// How the state of a reported figure looks, the same on the entry form, the review list and the
// completeness board: an icon, a word and a colour together, never colour alone.
import type { WordKey } from './i18n.ts';

export type FigureState = 'missing' | 'draft' | 'returned' | 'submitted' | 'city_approved' | 'approved';

export interface FigureStateLook {
  icon: string;
  /** Its word, in the common namespace (so any feature's translator reads it). */
  label: `common:${WordKey}`;
  /** Text and border colour, a design token (web/app/tokens.css; dark enough for small text on `background`). */
  color: string;
  background: string;
}

const LOOKS: Record<FigureState, FigureStateLook> = {
  missing: { icon: '○', label: 'common:figureState.missing', color: 'var(--figure-missing)', background: 'var(--figure-missing-bg)' },
  draft: { icon: '✎', label: 'common:figureState.draft', color: 'var(--figure-draft)', background: 'var(--figure-draft-bg)' },
  returned: { icon: '↩', label: 'common:figureState.returned', color: 'var(--figure-returned)', background: 'var(--figure-returned-bg)' },
  submitted: { icon: '↑', label: 'common:figureState.submitted', color: 'var(--figure-submitted)', background: 'var(--figure-submitted-bg)' },
  city_approved: { icon: '☑', label: 'common:figureState.city_approved', color: 'var(--figure-city-approved)', background: 'var(--figure-city-approved-bg)' },
  approved: { icon: '✔', label: 'common:figureState.approved', color: 'var(--figure-approved)', background: 'var(--figure-approved-bg)' },
};

export function figureStateLook(state: FigureState): FigureStateLook {
  return LOOKS[state];
}

/** The state of a stored figure (or none): a draft with a planner's comment was sent back. */
export function figureState(figure: { status: 'draft' | 'submitted' | 'city_approved' | 'approved'; returned?: boolean } | null | undefined): FigureState {
  if (!figure) return 'missing';
  if (figure.status === 'draft' && figure.returned) return 'returned';
  return figure.status;
}
