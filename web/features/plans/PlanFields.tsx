// The fields of a plan (title, issuer, document number, date, link, province, note), for creating and
// editing; each shows the API's message when refused.
import { useTranslation } from 'react-i18next';
import type { WordKey } from '../../lib/i18n.ts';
import type { PlanForm } from './model.ts';
import { useProvinceList } from './queries.ts';
import { clsx } from 'clsx';
import * as css from './plans.module.css';
import * as formCss from '../../lib/ui/form.module.css';

const FIELDS: readonly [keyof PlanForm, WordKey<['plans', 'targetForm', 'common']>, string | undefined][] = [
  ['title', 'targetForm:plan.title', undefined],
  ['issuer', 'targetForm:plan.issuer', '浙江省人民政府'],
  ['documentNumber', 'targetForm:plan.documentNumber', '浙政发〔2021〕12号'],
  ['issuedOn', 'targetForm:plan.issuedOn', '2021-06-01'],
  ['url', 'targetForm:plan.url', 'https://'],
];

export function PlanFields({ idPrefix, form, onChange, problems }: {
  idPrefix: string;
  form: PlanForm;
  onChange: (patch: Partial<PlanForm>) => void;
  problems: { field: string; message: string }[];
}) {
  const { t } = useTranslation(['plans', 'targetForm', 'common']);
  const provinces = useProvinceList();
  const messages = (field: string) => problems.filter((p) => p.field === field).map((p) => p.message);
  const errorOf = (field: string) => {
    const list = messages(field);
    return list.length ? <span className={formCss.fieldError} id={`${idPrefix}-${field}-msg`}>{list.join('; ')}</span> : null;
  };
  return (
    <div className={formCss.row}>
      {FIELDS.map(([field, label, placeholder]) => (
        <div key={field} className={field === 'title' ? clsx(formCss.formField, css.planFieldsTitle) : formCss.formField}>
          <label htmlFor={`${idPrefix}-${field}`} className={formCss.label}>{t(label)}{field === 'title' && <span aria-hidden="true"> *</span>}</label>
          <input id={`${idPrefix}-${field}`} className={formCss.control} value={form[field]} placeholder={placeholder} required={field === 'title'}
            aria-invalid={messages(field).length > 0 || undefined} aria-describedby={messages(field).length ? `${idPrefix}-${field}-msg` : undefined}
            onChange={(e) => onChange({ [field]: e.target.value })} data-plan-field={field} />
          {errorOf(field)}
        </div>
      ))}
      <div className={formCss.formField}>
        <label htmlFor={`${idPrefix}-region`} className={formCss.label}>{t('targetForm:plan.regionCode')}</label>
        <select id={`${idPrefix}-region`} className={formCss.control} value={form.regionCode} onChange={(e) => onChange({ regionCode: e.target.value })}>
          <option value="">—</option>
          {(provinces.data ?? []).map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
        </select>
        {errorOf('regionCode')}
      </div>
      <div className={clsx(formCss.formField, css.planFieldsTitle)}>
        <label htmlFor={`${idPrefix}-note`} className={formCss.label}>{t('targetForm:plan.note')}</label>
        <input id={`${idPrefix}-note`} className={formCss.control} value={form.note} maxLength={2000} onChange={(e) => onChange({ note: e.target.value })} />
        {errorOf('note')}
      </div>
    </div>
  );
}
