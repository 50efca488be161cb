import type { Customer } from '../../api/api.types.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { valueText } from './merge-choices.ts';

export const customerLabel = (c: Pick<Customer, 'name' | 'email' | 'phone'>, unknown: string) => c.name || c.email || c.phone || unknown;

// What tells two records of one person apart: the profile fields and attributes, side by side.
// The customer page leaves the attributes out: its Details card shows and edits them.
export function CustomerFacts({ customer: c, attributes = true }: { customer: Customer; attributes?: boolean }) {
  const { t, lang } = useI18n();
  const rows: Array<[string, string | null]> = [
    [t('customer.email'), c.email],
    [t('customer.phone'), c.phone],
    [t('customer.locale'), c.locale],
    [t('customer.since'), formatDate(c.createdAt, lang)],
    ...Object.entries(attributes ? (c.attributes ?? {}) : {}).map(([k, v]): [string, string | null] => [k, valueText(v)]),
  ];
  return (
    <dl className="fields" data-testid="customer-facts">
      {rows.map(([label, value]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          <dd className={value ? undefined : 'muted'}>{value ?? t('customer.none')}</dd>
        </div>
      ))}
    </dl>
  );
}
