import { useState } from 'react';
import type { Conversation } from '../../api/api.types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { CallBackButtons } from '../calls/call-back-buttons.component.tsx';
import { channelLabel } from '../channels/channel-kinds.ts';
import { useDirectory } from '../shell/directory.context.tsx';
import { errorText } from '../shell/error-text.ts';
import type { ConversationPatch } from './use-conversation.hook.ts';
import { TeamSelect } from '../shell/team-select.component.tsx';

type Props = { conversation: Conversation; customerName: string; onUpdate: (patch: ConversationPatch) => Promise<void> };

export function ConversationHeader({ conversation: c, customerName, onUpdate }: Props) {
  const { t } = useI18n();
  const { employees, teams } = useDirectory();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const assignable = employees.filter((e) => e.active || e.id === c.assigneeId);

  async function run(patch: ConversationPatch) {
    setBusy(true);
    setError(null);
    try {
      await onUpdate(patch);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <header className="conversation-header">
      <div className="conversation-title">
        <h1>{customerName}</h1>
        <p className="muted">
          <span className={`status-pill status-${c.status}`}>{t(`status.${c.status}`)}</span> {t('conversation.via', { channel: channelLabel(c.channel, t) })}
          {c.subject ? ` · ${c.subject}` : ''}
        </p>
      </div>
      <div className="conversation-actions">
        <CallBackButtons conversationId={c.id} customerId={c.customerId} />
        <label>
          <span>{t('conversation.assignEmployee')}</span>
          <select
            data-testid="assign-employee"
            value={c.assigneeId ?? ''}
            disabled={busy}
            onChange={(e) => void run({ assigneeId: e.target.value || null })}
          >
            <option value="">{t('conversation.unassigned')}</option>
            {assignable.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('conversation.assignTeam')}</span>
          <TeamSelect
            testId="assign-team"
            teams={teams}
            emptyLabel={t('conversation.noTeam')}
            value={c.teamId ?? ''}
            disabled={busy}
            onChange={(e) => void run({ teamId: e.target.value || null })}
          />
        </label>
        {c.status === 'resolved' ? (
          <button type="button" className="button" data-testid="reopen-button" disabled={busy} onClick={() => void run({ status: 'open' })}>
            {t('conversation.reopen')}
          </button>
        ) : (
          <button type="button" className="button primary" data-testid="resolve-button" disabled={busy} onClick={() => void run({ status: 'resolved' })}>
            {t('conversation.resolve')}
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </header>
  );
}
