// What a status rests on, beside its badge, the same on every view: why there is no status and what is
// missing, a held target, a value inside the tolerance, a provisional later year, the target year's
// figures still awaited (shared/readings.ts). For insufficient data, a signed-in user who can fix it
// gets the way there: a reporting round, the import, the park's entry form, the plan's region set.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { stateNotes, type ReadableProgress } from '../../../shared/state-notes.ts';
import { canWritePark, REVIEWERS, hasRole } from '../access.ts';
import { useLocale } from '../i18n.ts';
import { useMe } from '../session.ts';
import { clsx } from 'clsx';
import * as noticeCss from './notice.module.css';
import * as css from './StateNotes.module.css';

type Entry = ReadableProgress & { plan: { id: number } };

export function StateNotes({ entry, withFixes = true }: { entry: Entry; withFixes?: boolean }) {
  const locale = useLocale();
  const notes = stateNotes(entry, locale);
  if (notes.length === 0) return null;
  return (
    <div className={css.notes}>
      <ul className={css.list} data-testid="state-notes">
        {notes.map((n) => (
          <li key={n.key} data-state-note={n.key}
            className={clsx(noticeCss.note, (n.key === 'reason' || n.key === 'provisional' || n.key === 'awaiting') && noticeCss.noteWarn)}>{n.text}</li>
        ))}
      </ul>
      {withFixes && entry.status === 'insufficient_data' && <FixLinks entry={entry} />}
    </div>
  );
}

/** The ways to resolve insufficient data that this user can take. */
function FixLinks({ entry }: { entry: Entry }) {
  const { t } = useTranslation('common');
  const me = useMe().data;
  if (!me) return null;
  const planner = hasRole(me, REVIEWERS);
  const missing = entry.missing;
  const year = missing?.years.at(-1);
  const links: { to: string; label: string; key: string }[] = [];
  if (entry.statusReason === 'no_region_set') {
    if (planner) links.push({ key: 'set', to: `/plans/${entry.plan.id}`, label: t('fix.defineSet') });
  } else if (missing && year !== undefined) {
    for (const park of missing.parks.filter((p) => canWritePark(me, p.id)).slice(0, planner ? 2 : 3)) {
      links.push({ key: `park-${park.id}`, to: `/entry/${park.id}/${year}`, label: t('fix.enter', { park: park.name, year }) });
    }
    if (planner && missing.parksTotal > 1) {
      links.push({ key: 'import', to: '/import', label: t('fix.import') });
      links.push({ key: 'round', to: '/rounds', label: t('fix.openRound') });
    }
  }
  if (links.length === 0) return null;
  return (
    <p className={clsx(css.fixes, 'no-print')} data-testid="fix-links">
      <span className={css.fixLabel}>{t('fix.label')}:</span>
      {links.map((l) => <Link key={l.key} to={l.to} data-fix={l.key}>{l.label}</Link>)}
    </p>
  );
}
