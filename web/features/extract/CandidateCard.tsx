// One candidate, editable in place: the reading of the extractor (indicator, comparator, value, unit,
// year, tolerance, scope and its park, class or region set), what is still missing, the confidence
// with its reasons, and what the API said about it when a batch was refused.
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { ExtractCandidateT, Indicator, Park, Region } from '../../../shared/schemas.ts';
import { UNITS, canConvert, isUnit } from '../../../shared/units.ts';
import { COMPARATOR_TEXT, joinNames } from '../../../shared/format.ts';
import { useTranslation } from 'react-i18next';
import { indicatorName, useLocale, type WordKey } from '../../lib/i18n.ts';
import { TARGET_COMPARATORS, TARGET_PARK_LEVELS, TARGET_SCOPES } from '../../../shared/target-rules.ts';
import type { CandidateForm, Issue, PlacedProblem } from './accept.ts';
import { clsx } from 'clsx';
import * as css from './extract.module.css';
import * as buttonCss from '../../lib/ui/button.module.css';
import * as formCss from '../../lib/ui/form.module.css';
import * as noticeCss from '../../lib/ui/notice.module.css';
import * as textCss from '../../lib/ui/text.module.css';

type IndicatorT = z.infer<typeof Indicator>;
type ParkT = z.infer<typeof Park>;
type RegionT = z.infer<typeof Region>;

/** The API's field names on the card's fields. */
const FIELD_OF: Record<string, keyof CandidateForm> = {
  indicator: 'indicator', scope: 'scope', comparator: 'comparator', targetValue: 'targetValue', unit: 'unit', targetYear: 'targetYear', tolerance: 'tolerance',
  parkId: 'parkIds', parkLevel: 'parkLevel', regionCodes: 'regionCodes', regionCode: 'regionCodes', regionSetLabel: 'regionSetLabel',
  baselineYear: 'baselineYear', baselineValue: 'baselineValue', stretchValue: 'stretchValue',
};

/** Each field's label, for the list of what is still missing. */
const FIELD_LABEL: Record<keyof CandidateForm, WordKey<['extract', 'targetForm', 'common']>> = {
  indicator: 'targetForm:field.indicator', comparator: 'targetForm:field.comparator', targetValue: 'targetForm:field.targetValue',
  unit: 'targetForm:field.unit', tolerance: 'targetForm:field.tolerance', targetYear: 'targetForm:field.targetYear', scope: 'targetForm:field.scope',
  parkIds: 'targetForm:field.parkIds', parkWords: 'targetForm:field.parkIds', parkLevel: 'targetForm:field.parkLevel',
  regionCodes: 'targetForm:field.regionCodes', regionSetLabel: 'targetForm:field.regionSetLabel',
  baselineYear: 'targetForm:field.baselineYear', baselineValue: 'targetForm:field.baselineValue', stretchValue: 'targetForm:field.stretchValue',
};

const MISSING_OF: Record<string, keyof CandidateForm> = { indicator: 'indicator', scope: 'scope', parkId: 'parkIds', parkLevel: 'parkLevel', regionCodes: 'regionCodes', regionCode: 'regionCodes' };

export function CandidateCard(props: {
  candidate: ExtractCandidateT;
  /** The candidates that say this target again (its 力争 value, a restatement): shown and accepted with it. */
  alternatives?: readonly ExtractCandidateT[];
  number: number;
  form: CandidateForm;
  checked: boolean;
  issues: Issue[];
  /** Show every issue (after an attempt to accept), not only those of the fields the extractor left open. */
  attempted: boolean;
  problems: PlacedProblem[];
  accepted: string[] | undefined;
  catalogue: readonly IndicatorT[];
  parks: readonly ParkT[];
  cities: readonly RegionT[];
  active: boolean;
  onChange: (patch: Partial<CandidateForm>) => void;
  onCheck: (checked: boolean) => void;
  onActive: (on: boolean) => void;
  onJumpToText: () => void;
}) {
  const { candidate: c, number, form, catalogue, onChange } = props;
  const { t } = useTranslation(['extract', 'targetForm', 'common']);
  const locale = useLocale();
  const id = `cand-${c.id}`;
  const indicator = catalogue.find((i) => i.code === form.indicator);
  const unknown = c.indicator.code === null;
  const missing = new Set(c.drafts.flatMap((d) => d.missing).map((m) => MISSING_OF[m] ?? (m as keyof CandidateForm)));
  const shown = props.issues.filter((i) => props.attempted || missing.has(i.field));
  const serverByField = new Map<keyof CandidateForm | '', PlacedProblem[]>();
  for (const p of props.problems) {
    const f = FIELD_OF[p.field] ?? '';
    serverByField.set(f, [...(serverByField.get(f) ?? []), p]);
  }
  const messagesOf = (field: keyof CandidateForm): string[] => [
    ...shown.filter((i) => i.field === field).map((i) => i.message[locale]),
    ...(serverByField.get(field) ?? []).map((p) => p.message),
  ];
  const invalid = (field: keyof CandidateForm) => messagesOf(field).length > 0 || undefined;
  const stillMissing = [...missing].filter((f) => props.issues.some((i) => i.field === f));
  const hasProblem = props.problems.length > 0 || (props.checked && shown.length > 0);
  const units = unitOptions(form.unit, indicator?.unit);
  const describedBy = (field: keyof CandidateForm) => (messagesOf(field).length ? `${id}-${field}-msg` : undefined);
  const messagesEl = (field: keyof CandidateForm) => {
    const list = messagesOf(field);
    return list.length ? <ul className={css.candMsgs} id={`${id}-${field}-msg`} data-field-problem={field}>{list.map((m, i) => <li key={i}><span aria-hidden="true">✖ </span>{m}</li>)}</ul> : null;
  };
  const pct = Math.round(c.confidence * 100);
  const alternatives = props.alternatives ?? [];
  const showStretch = form.stretchValue !== '' || alternatives.some((a) => a.alternative === 'stretch');
  const general = serverByField.get('') ?? [];

  return (
    <li id={id} tabIndex={-1}
      className={clsx(css.cand, props.checked && css.isChecked, unknown && css.candUnknown, hasProblem && css.hasProblem, props.active && css.isActive, props.accepted && css.isAccepted)}
      data-candidate={c.id} data-unknown={unknown || undefined} data-checked={props.checked}>
      <div className={css.candHead}>
        <label className={css.candCheck}>
          <input type="checkbox" checked={props.checked} disabled={!!props.accepted} onChange={(e) => props.onCheck(e.target.checked)} data-accept-check={c.id} />
          <span className={textCss.visuallyHidden}>{t('checkLabel', { n: number })}</span>
        </label>
        <a className={css.candNum} href={`#mark-${c.id}`} onMouseEnter={() => props.onActive(true)} onMouseLeave={() => props.onActive(false)}
          onFocus={() => props.onActive(true)} onBlur={() => props.onActive(false)} onClick={(e) => { e.preventDefault(); props.onJumpToText(); }} aria-label={t('toText', { n: number })}>{number}</a>
        <div className={css.candTitle}>
          <strong>{indicator ? indicatorName(indicator, locale) : c.indicator.phrase}</strong>
          {unknown && <span className={clsx(noticeCss.tag, noticeCss.tagBad)} data-unknown-tag>{t('unknownIndicator')}</span>}
          {props.accepted && <span className={clsx(noticeCss.tag, noticeCss.tagOk)} data-accepted={props.accepted.join(' ')}>{t('acceptedAs', { codes: props.accepted.join('、') })}</span>}
        </div>
        <details className={css.candConfidence}>
          <summary>
            <span className={clsx(css.confidence, pct < 70 ? css.confidenceLow : pct < 90 && css.confidenceMid)} data-confidence={c.confidence}>
              <span className={css.confidenceBar} aria-hidden="true"><span style={{ width: `${pct}%` }} /></span>
              {t('confidence', { pct })}
            </span>
          </summary>
          <ul className={css.candReasons}>
            {c.reasons.map((r, i) => <li key={i}><span className={r.effect < 0 ? clsx(css.reason, css.reasonMinus) : css.reason}>{r.effect > 0 ? '+' : ''}{Math.round(r.effect * 100)}</span> {r.message}</li>)}
          </ul>
        </details>
      </div>
      <blockquote className={css.candQuote} data-testid="cand-quote">“{c.quote}”</blockquote>
      {alternatives.length > 0 && (
        <ul className={css.candAlts} aria-label={t('altTitle')}>
          {alternatives.map((a) => (
            <li key={a.id} id={`cand-${a.id}`} tabIndex={-1} className={css.candAlt} data-alternative={a.alternative ?? ''} data-alternative-of={c.id}>
              <span className={clsx(noticeCss.tag, css.candAltTag)}>{a.alternative === 'stretch' ? t('altStretch') : t('altRestatement')}</span>
              <span>“{a.quote}”</span>
              <span className={textCss.muted}>{a.alternative === 'stretch' ? t('altStretchNote') : t('altRestatementNote')}</span>
            </li>
          ))}
        </ul>
      )}
      {unknown && <p className={clsx(noticeCss.note, noticeCss.noteWarn)} data-unknown-note>{t('unknownText', { phrase: c.indicator.phrase })}</p>}
      {(c.change || c.annual || c.cumulative || c.indicator.relatedCode) && (
        <p className={clsx(noticeCss.note, noticeCss.noteWarn)}>{t('changeNote')}{c.drafts[0]?.note ? ` (${c.drafts[0].note})` : ''}</p>
      )}
      {stillMissing.length > 0 && (
        <p className={css.candMissing} data-missing={stillMissing.join(' ')}>
          <span aria-hidden="true">⚠ </span>{t('missing', { fields: joinNames(stillMissing.map((f) => t(FIELD_LABEL[f])), locale) })}
        </p>
      )}

      <fieldset className={css.candFields} disabled={!!props.accepted}>
        <legend className={textCss.visuallyHidden}>{t('fieldsLegend', { n: number })}</legend>
        <div className={clsx(css.candField, css.candFieldWide)}>
          <label htmlFor={`${id}-indicator`} className={formCss.label}>{t('targetForm:field.indicator')}</label>
          <select id={`${id}-indicator`} className={formCss.control} value={form.indicator} aria-invalid={invalid('indicator')} aria-describedby={describedBy('indicator')}
            onChange={(e) => {
              const next = catalogue.find((i) => i.code === e.target.value);
              onChange({ indicator: e.target.value, ...(next && !form.unit ? { unit: next.unit } : {}) });
            }} data-field="indicator">
            <option value="">{t('chooseIndicator')}</option>
            {catalogue.map((i) => <option key={i.code} value={i.code}>{indicatorName(i, locale)} ({i.unit})</option>)}
          </select>
          {messagesEl('indicator')}
        </div>
        <div className={css.candField}>
          <label htmlFor={`${id}-comparator`} className={formCss.label}>{t('targetForm:field.comparator')}</label>
          <select id={`${id}-comparator`} className={formCss.control} value={form.comparator} onChange={(e) => onChange({ comparator: e.target.value as CandidateForm['comparator'] })} data-field="comparator">
            {TARGET_COMPARATORS.map((k) => <option key={k} value={k}>{COMPARATOR_TEXT[k].symbol} {t(`targetForm:comparator.${k}`)}</option>)}
          </select>
        </div>
        <div className={css.candField}>
          <label htmlFor={`${id}-value`} className={formCss.label}>{t('targetForm:field.targetValue')}</label>
          <div className={formCss.valueInput}>
            <input id={`${id}-value`} className={clsx(formCss.control, formCss.valueNumber)} inputMode="decimal" autoComplete="off" value={form.targetValue}
              placeholder={form.scope === 'coverage' ? t('allOfSet') : ''} aria-invalid={invalid('targetValue') ?? invalid('unit')} aria-describedby={describedBy('targetValue')}
              onChange={(e) => onChange({ targetValue: e.target.value })} data-field="value" />
            <select className={clsx(formCss.control, formCss.valueUnit)} value={form.unit} aria-label={t('targetForm:field.unit')} aria-invalid={invalid('unit')}
              onChange={(e) => onChange({ unit: e.target.value })} data-field="unit">
              {units.map((u) => <option key={u} value={u}>{u || '—'}</option>)}
            </select>
          </div>
          {messagesEl('targetValue')}
          {messagesEl('unit')}
        </div>
        {showStretch && (
          <div className={css.candField} data-stretch-field>
            <label htmlFor={`${id}-stretch`} className={formCss.label}>{t('targetForm:field.stretchValue')}</label>
            <div className={formCss.valueInput}>
              <input id={`${id}-stretch`} className={clsx(formCss.control, formCss.valueNumber)} inputMode="decimal" autoComplete="off" value={form.stretchValue}
                aria-invalid={invalid('stretchValue')} aria-describedby={describedBy('stretchValue')} onChange={(e) => onChange({ stretchValue: e.target.value })} data-field="stretchValue" />
              <span className={formCss.valueSuffix}>{form.unit || '—'}</span>
            </div>
            {messagesEl('stretchValue')}
          </div>
        )}
        {form.comparator === 'about' && (
          <div className={css.candField}>
            <label htmlFor={`${id}-tolerance`} className={formCss.label}>{t('targetForm:field.tolerance')}</label>
            <div className={formCss.valueInput}>
              <input id={`${id}-tolerance`} className={clsx(formCss.control, formCss.valueNumber)} inputMode="decimal" value={form.tolerance} placeholder="5"
                aria-invalid={invalid('tolerance')} aria-describedby={describedBy('tolerance')} onChange={(e) => onChange({ tolerance: e.target.value })} data-field="tolerance" />
              <span className={formCss.valueSuffix}>%</span>
            </div>
            {messagesEl('tolerance')}
          </div>
        )}
        <div className={css.candField}>
          <label htmlFor={`${id}-year`} className={formCss.label}>{t('targetForm:field.targetYear')}</label>
          <input id={`${id}-year`} className={formCss.control} inputMode="numeric" value={form.targetYear} aria-invalid={invalid('targetYear')} aria-describedby={describedBy('targetYear')}
            onChange={(e) => onChange({ targetYear: e.target.value })} data-field="targetYear" />
          <span className={clsx(css.candHint, textCss.muted)} title={c.year.explanation}>{c.year.text}</span>
          {messagesEl('targetYear')}
        </div>
        <div className={css.candField}>
          <label htmlFor={`${id}-scope`} className={formCss.label}>{t('targetForm:field.scope')}</label>
          <select id={`${id}-scope`} className={formCss.control} value={form.scope} aria-invalid={invalid('scope')} aria-describedby={describedBy('scope')}
            onChange={(e) => {
              const scope = e.target.value as CandidateForm['scope'];
              onChange({ scope, ...(scope === 'park' && form.parkIds.length === 0 ? { parkIds: [null], parkWords: [''] } : {}) });
            }} data-field="scope">
            <option value="">{t('chooseScope')}</option>
            {TARGET_SCOPES.map((s) => <option key={s} value={s}>{t(`targetForm:scope.${s}`)}</option>)}
          </select>
          {c.scope.words && <span className={clsx(css.candHint, textCss.muted)}>{c.scope.words}</span>}
          {messagesEl('scope')}
        </div>
        {form.scope === 'park' && (
          <div className={clsx(css.candField, css.candFieldWide)} data-park-fields>
            <span className={formCss.label}>{t('targetForm:field.parkIds')}</span>
            {form.parkIds.map((parkId, i) => (
              <div key={i} className={css.candPark}>
                <select className={formCss.control} value={parkId ?? ''} aria-label={t('parkN', { n: i + 1, words: form.parkWords[i] ?? '' })}
                  aria-invalid={parkId === null ? invalid('parkIds') : undefined}
                  onChange={(e) => onChange({ parkIds: form.parkIds.map((p, j) => (j === i ? (e.target.value ? Number(e.target.value) : null) : p)) })} data-field={`park-${i}`}>
                  <option value="">{t('choosePark')}</option>
                  {props.parks.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                </select>
                {form.parkWords[i] && <span className={clsx(css.candHint, textCss.muted)}>{t('textSays', { words: form.parkWords[i] })}</span>}
                {form.parkIds.length > 1 && (
                  <button type="button" className={buttonCss.link} onClick={() => onChange({ parkIds: form.parkIds.filter((_, j) => j !== i), parkWords: form.parkWords.filter((_, j) => j !== i) })}>
                    {t('removePark')}
                  </button>
                )}
              </div>
            ))}
            <button type="button" className={buttonCss.link} onClick={() => onChange({ parkIds: [...form.parkIds, null], parkWords: [...form.parkWords, ''] })}>{t('addPark')}</button>
            {messagesEl('parkIds')}
          </div>
        )}
        {(form.scope === 'park_class' || form.scope === 'coverage' || form.scope === 'province_aggregate') && (
          <div className={css.candField}>
            <label htmlFor={`${id}-level`} className={formCss.label}>{t(form.scope === 'coverage' ? 'targetForm:field.requiredLevel' : form.scope === 'park_class' ? 'targetForm:field.parkLevel' : 'targetForm:field.lowestLevel')}</label>
            <select id={`${id}-level`} className={formCss.control} value={form.parkLevel} aria-invalid={invalid('parkLevel')} aria-describedby={describedBy('parkLevel')}
              onChange={(e) => onChange({ parkLevel: e.target.value as CandidateForm['parkLevel'] })} data-field="parkLevel">
              <option value="">—</option>
              {TARGET_PARK_LEVELS.map((l) => <option key={l} value={l}>{t(`common:level.${l}`)}</option>)}
            </select>
            {messagesEl('parkLevel')}
          </div>
        )}
        {form.scope === 'coverage' && (
          <RegionSet id={id} form={form} cities={props.cities} invalid={!!invalid('regionCodes')} onChange={onChange} messages={messagesEl('regionCodes')} />
        )}
        <div className={css.candField}>
          <label htmlFor={`${id}-byear`} className={formCss.label}>{t('targetForm:field.baselineYear')}</label>
          <input id={`${id}-byear`} className={formCss.control} inputMode="numeric" value={form.baselineYear} aria-invalid={invalid('baselineYear')} aria-describedby={describedBy('baselineYear')}
            onChange={(e) => onChange({ baselineYear: e.target.value })} data-field="baselineYear" />
          {messagesEl('baselineYear')}
        </div>
        <div className={css.candField}>
          <label htmlFor={`${id}-bvalue`} className={formCss.label}>{t('targetForm:field.baselineValue')}</label>
          <input id={`${id}-bvalue`} className={formCss.control} inputMode="decimal" value={form.baselineValue} aria-invalid={invalid('baselineValue')} aria-describedby={describedBy('baselineValue')}
            onChange={(e) => onChange({ baselineValue: e.target.value })} data-field="baselineValue" />
          {messagesEl('baselineValue')}
        </div>
      </fieldset>
      {general.length > 0 && (
        <ul className={clsx(css.candMsgs, css.candMsgsGeneral)} data-field-problem="general">{general.map((p, i) => <li key={i}><span aria-hidden="true">✖ </span>{p.field}: {p.message}</li>)}</ul>
      )}
    </li>
  );
}

function RegionSet({ id, form, cities, invalid, onChange, messages }: {
  id: string; form: CandidateForm; cities: readonly RegionT[]; invalid: boolean; onChange: (patch: Partial<CandidateForm>) => void; messages: ReactNode;
}) {
  const { t } = useTranslation(['extract', 'targetForm', 'common']);
  const cityCodes = new Set(cities.map((c) => c.code));
  const others = form.regionCodes.filter((code) => !cityCodes.has(code));
  const toggle = (code: string, on: boolean) => onChange({ regionCodes: on ? [...form.regionCodes, code] : form.regionCodes.filter((c) => c !== code) });
  return (
    <fieldset className={clsx(css.candField, css.candFieldWide, css.candRegions)} aria-invalid={invalid || undefined} data-region-set>
      <legend className={formCss.label}>{t('targetForm:field.regionCodes')} <span className={textCss.muted}>({t('chosen', { count: form.regionCodes.length })})</span></legend>
      <div className={formCss.row}>
        <div className={formCss.formField}>
          <label htmlFor={`${id}-setlabel`} className={formCss.label}>{t('targetForm:field.regionSetLabel')}</label>
          <input id={`${id}-setlabel`} className={formCss.control} value={form.regionSetLabel} onChange={(e) => onChange({ regionSetLabel: e.target.value })} />
        </div>
      </div>
      <div className={css.candRegionTools}>
        <button type="button" className={buttonCss.link} onClick={() => onChange({ regionCodes: [...new Set([...others, ...cities.map((c) => c.code)])] })}>{t('allCities')}</button>
        <button type="button" className={buttonCss.link} onClick={() => onChange({ regionCodes: others })}>{t('noCities')}</button>
      </div>
      <div className={clsx(formCss.checkGrid, formCss.checkGridScroll, css.candRegionGrid)}>
        {cities.map((c) => (
          <label key={c.code} className={formCss.check}>
            <input type="checkbox" checked={form.regionCodes.includes(c.code)} onChange={(e) => toggle(c.code, e.target.checked)} />{c.name}
          </label>
        ))}
      </div>
      <label htmlFor={`${id}-othercodes`} className={formCss.label}>{t('otherCodes')}</label>
      <input id={`${id}-othercodes`} className={formCss.control} defaultValue={others.join(', ')} placeholder="330182, 330183"
        onBlur={(e) => {
          const typed = e.target.value.split(/[\s,，、]+/).filter((s) => /^\d{6}$/.test(s));
          onChange({ regionCodes: [...new Set([...form.regionCodes.filter((code) => cityCodes.has(code)), ...typed])] });
        }} data-field="otherCodes" />
      {messages}
    </fieldset>
  );
}

/** The unit as written, the indicator's own, and the units that convert to it. */
function unitOptions(current: string, indicatorUnit: string | undefined): string[] {
  const convertible = indicatorUnit && isUnit(indicatorUnit) ? UNITS.filter((u) => canConvert(u, indicatorUnit)) : [];
  return [...new Set([current, indicatorUnit ?? '', ...convertible].filter((u, i) => u !== '' || i === 0))];
}
