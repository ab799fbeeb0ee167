// What the overview's counts mean, on a first visit (until dismissed), and — where most targets lack
// data — what a planner does next, with the reasons counted and the ways to fill the gaps.
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { reportingYear, STALE_AFTER_YEARS } from '../../../shared/progress.ts';
import type { ProgressEntryT } from '../../../shared/schemas.ts';
import { hasRole, REVIEWERS } from '../../lib/access.ts';
import { useMe } from '../../lib/session.ts';
import { clsx } from 'clsx';
import { insufficientByReason, mostLackData } from './model.ts';
import * as css from './overview.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';

const GUIDE_KEY = 'mubiao.overviewGuide';

function guideSeen(): boolean {
  try {
    return localStorage.getItem(GUIDE_KEY) === 'seen';
  } catch {
    return false;
  }
}

export function OverviewGuide({ entries, currentYear }: { entries: readonly ProgressEntryT[]; currentYear: number }) {
  const { t } = useTranslation(['overview', 'common']);
  const [seen, setSeen] = useState(guideSeen);
  const me = useMe().data;
  const planner = hasRole(me, REVIEWERS);
  const lacking = entries.filter((e) => e.status === 'insufficient_data').length;
  const reasons = insufficientByReason(entries);
  const staleBefore = reportingYear(currentYear) - STALE_AFTER_YEARS;

  const dismiss = () => {
    try {
      localStorage.setItem(GUIDE_KEY, 'seen');
    } catch {
      // private mode: it shows again next time
    }
    setSeen(true);
  };

  return (
    <>
      {!seen && (
        <section className={css.guide} aria-labelledby="guide-title" data-testid="overview-guide">
          <header className={css.guideHead}>
            <h3 id="guide-title" className={css.guideTitle}>{t('guide.title')}</h3>
            <button type="button" className={clsx(buttonCss.button, buttonCss.ghost, 'no-print')} onClick={dismiss}>{t('guide.dismiss')}</button>
          </header>
          <p>{t('guide.intro')}</p>
          <ul className={css.guideList}>
            {(['guide.achieved', 'guide.pace', 'guide.missed', 'guide.insufficient', 'guide.provisional'] as const).map((k) => <li key={k}>{t(k)}</li>)}
          </ul>
        </section>
      )}
      {mostLackData(entries) && (
        <section className={css.next} aria-labelledby="next-title" data-testid="overview-next">
          <h3 id="next-title" className={css.guideTitle}>{t('next.title', { count: lacking })}</h3>
          <ul className={css.guideList}>
            {reasons.map(({ reason, count }) => <li key={reason} data-next-reason={reason}>{t(`next.reason.${reason}`, { count, year: staleBefore })}</li>)}
          </ul>
          <p>{planner ? t('next.planner') : t('next.other')}</p>
          {planner && (
            <p className={clsx(css.nextLinks, 'no-print')}>
              <Link className={buttonCss.button} to="/rounds">{t('common:fix.openRound')}</Link>
              <Link className={clsx(buttonCss.button, buttonCss.ghost)} to="/import">{t('common:fix.import')}</Link>
            </p>
          )}
        </section>
      )}
    </>
  );
}
