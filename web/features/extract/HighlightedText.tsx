// The pasted text with the words of every candidate marked and numbered, as React text nodes cut at
// the spans (never HTML: whatever was pasted stays text). A number links to its card; the card's
// number links back here.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { segmentText, type Mark } from './highlight.ts';
import { clsx } from 'clsx';
import * as css from './extract.module.css';

const MARK_CLASS = { candidate: css.hlCandidate, qualitative: css.hlQualitative, withheld: css.hlWithheld } as const;

export function HighlightedText({ text, marks, active, unchecked, onJump }: {
  text: string;
  marks: Mark[];
  /** The candidate whose card has the focus or the pointer. */
  active: string | null;
  /** Candidates not checked for acceptance (shown lighter). */
  unchecked: ReadonlySet<string>;
  onJump: (key: string) => void;
}) {
  const { t } = useTranslation('extract');
  const segments = useMemo(() => segmentText(text, marks), [text, marks]);
  return (
    <div className={css.hlText} data-highlighted-text>
      {segments.map((s) => {
        if (s.marks.length === 0) return s.text;
        const candidates = s.marks.filter((m) => m.kind === 'candidate');
        const kind = candidates.length ? 'candidate' : s.marks[0]!.kind;
        const classes = clsx(
          css.hl, MARK_CLASS[kind],
          candidates.length > 1 && css.hlOverlap,
          candidates.some((m) => m.key === active) && css.isActive,
          candidates.length > 0 && candidates.every((m) => unchecked.has(m.key)) && css.isUnchecked,
        );
        const first = s.starting.find((m) => m.kind === 'candidate');
        return (
          <mark key={s.start} className={classes} data-mark-kind={kind} data-marks={s.marks.map((m) => m.key).join(' ')} id={first ? `mark-${first.key}` : undefined}
            title={kind === 'qualitative' ? t('qualitativeMark') : kind === 'withheld' ? t('withheldMark') : undefined}>
            {/* a target and its alternative starting together carry one number */}
            {s.starting.filter((m, i, all) => m.label !== null && all.findIndex((o) => o.label === m.label) === i).map((m) => (
              <a key={m.key} className={css.hlNum} href={`#cand-${m.key}`} data-mark-number={m.key}
                aria-label={t('toCard', { n: m.label ?? '' })}
                onClick={(e) => { e.preventDefault(); onJump(m.key); }}>{m.label}</a>
            ))}
            {s.text}
          </mark>
        );
      })}
    </div>
  );
}
