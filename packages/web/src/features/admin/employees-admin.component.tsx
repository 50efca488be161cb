import type { Employee } from '../../api/api.types.ts';
import { api } from '../../api/http-client.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useMe } from '../auth/session.context.tsx';
import { useDirectory } from '../shell/directory.context.tsx';
import { Link } from '../shell/link.component.tsx';
import { asRole, EmployeeForm, ROLES } from './employee-form.component.tsx';
import { FormStatus } from './form-status.component.tsx';
import { useFormStatus } from './use-form-status.hook.ts';
import { TeamSelect } from '../shell/team-select.component.tsx';

type EmployeePatch = Partial<Pick<Employee, 'role' | 'teamId' | 'active'>>;

function EmployeeRow({ employee: e }: { employee: Employee }) {
  const { t } = useI18n();
  const me = useMe();
  const { teams, reload } = useDirectory();
  const status = useFormStatus();
  const isMe = me.employee?.id === e.id;

  const patch = (body: EmployeePatch) =>
    void status.run(async () => {
      await api.patch<Employee>(`/api/employees/${e.id}`, body);
      await reload();
    });

  return (
    <tr data-testid="employee-row" data-employee-id={e.id} className={e.active ? undefined : 'inactive'}>
      <th scope="row">
        <Link href={`/employees/${encodeURIComponent(e.id)}`} data-testid="employee-link">
          {e.name}
        </Link>{' '}
        {isMe && <span className="muted">{t('employees.you')}</span>}
        <div className="muted small">{e.email}</div>
        <FormStatus error={status.error} done={null} />
      </th>
      <td>
        <select
          aria-label={t('employees.roleFor', { name: e.name })}
          value={e.role}
          disabled={status.busy}
          onChange={(ev) => {
            const role = asRole(ev.target.value);
            if (role) patch({ role });
          }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <TeamSelect
          aria-label={t('employees.teamFor', { name: e.name })}
          teams={teams}
          emptyLabel={t('conversation.noTeam')}
          value={e.teamId ?? ''}
          disabled={status.busy}
          onChange={(ev) => patch({ teamId: ev.target.value || null })}
        />
      </td>
      <td>{e.active ? t('employees.active') : t('employees.inactive')}</td>
      <td>
        <button type="button" className="button small" disabled={status.busy || isMe} onClick={() => patch({ active: !e.active })}>
          {e.active ? t('employees.deactivate') : t('employees.reactivate')}
        </button>
      </td>
    </tr>
  );
}

export function EmployeesAdmin() {
  const { t } = useI18n();
  const { employees } = useDirectory();
  return (
    <section aria-labelledby="employees-heading">
      <h1 id="employees-heading">{t('admin.employees')}</h1>
      <div className="card table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('employees.name')}</th>
              <th scope="col">{t('employees.role')}</th>
              <th scope="col">{t('employees.team')}</th>
              <th scope="col">{t('employees.status')}</th>
              <th scope="col">{t('employees.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {employees.map((e) => (
              <EmployeeRow key={e.id} employee={e} />
            ))}
          </tbody>
        </table>
      </div>
      <EmployeeForm />
    </section>
  );
}
