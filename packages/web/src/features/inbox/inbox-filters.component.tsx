import type { ChangeEvent } from 'react';
import type { Team } from '../../api/api.types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { channelLabel } from '../channels/channel-kinds.ts';
import { KNOWN_CHANNELS, type AssigneeFilter, type InboxFilters, type StatusFilter } from './inbox-filters.ts';
import { TeamSelect } from '../shell/team-select.component.tsx';

const ASSIGNEES: readonly AssigneeFilter[] = ['mine', 'unassigned', 'all'];
const STATUSES: readonly StatusFilter[] = ['active', 'open', 'pending', 'resolved', 'all'];

export function InboxFiltersBar({ filters, teams, onChange }: { filters: InboxFilters; teams: Team[]; onChange: (f: InboxFilters) => void }) {
  const { t } = useI18n();
  const statusLabel = (s: StatusFilter) =>
    s === 'active' ? t('inbox.status.active') : s === 'all' ? t('inbox.status.all') : t(`status.${s}`);
  const pick =
    <K extends keyof InboxFilters>(key: K, parse: (v: string) => InboxFilters[K] | null) =>
    (e: ChangeEvent<HTMLSelectElement>) => {
      const value = parse(e.target.value);
      if (value !== null) onChange({ ...filters, [key]: value });
    };

  return (
    <fieldset className="inbox-filters">
      <legend className="visually-hidden">{t('inbox.filters')}</legend>
      <label>
        <span>{t('inbox.assignee')}</span>
        <select
          data-testid="inbox-filter-assignee"
          value={filters.assignee}
          onChange={pick('assignee', (v) => ASSIGNEES.find((a) => a === v) ?? null)}
        >
          {ASSIGNEES.map((a) => (
            <option key={a} value={a}>
              {t(`inbox.assignee.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('inbox.status')}</span>
        <select data-testid="inbox-filter-status" value={filters.status} onChange={pick('status', (v) => STATUSES.find((s) => s === v) ?? null)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('inbox.channel')}</span>
        <select data-testid="inbox-filter-channel" value={filters.channel} onChange={pick('channel', (v) => v)}>
          <option value="">{t('inbox.channel.all')}</option>
          {KNOWN_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {channelLabel(c, t)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('inbox.team')}</span>
        <TeamSelect testId="inbox-filter-team" teams={teams} emptyLabel={t('inbox.team.all')} value={filters.teamId} onChange={pick('teamId', (v) => v)} />
      </label>
    </fieldset>
  );
}
