import { useState } from 'react';
import { channelsApi } from '../../api/channels-api.ts';
import type { Channel, ChannelKindInfo } from '../../api/channels-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { FormStatus } from '../admin/form-status.component.tsx';
import { useFormStatus } from '../admin/use-form-status.hook.ts';
import { channelLabel } from './channel-kinds.ts';
import { ChannelForm } from './channel-form.component.tsx';
import { ChannelHealthView } from './channel-health-view.component.tsx';
import { FailedDeliveries } from './failed-deliveries.component.tsx';
import { WebhookInfo } from './webhook-info.component.tsx';

type Props = { channel: Channel; info: ChannelKindInfo | undefined; canEdit: boolean; onChanged: (c: Channel) => void; reload: () => void };

// One channel: its health, what to paste at the network, its failed replies; admins edit and pause it.
export function ChannelCard({ channel, info, canEdit, onChanged, reload }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [showFailed, setShowFailed] = useState(false);
  const status = useFormStatus();

  const toggle = () =>
    void status.run(async () => {
      const next = await channelsApi.update(channel.id, { active: !channel.active });
      onChanged(next);
      return next.active ? t('channels.enabled') : t('channels.disabled');
    });

  return (
    <li className="card channel-card" data-testid="channel-row" data-channel-id={channel.id} data-kind={channel.kind}>
      <div className="channel-card-head">
        <h2>
          {channel.name} <span className="muted small">· {channelLabel(channel.kind, t)}</span>
        </h2>
        {canEdit && (
          <span className="row-actions">
            <button type="button" className="button small" data-testid="channel-edit" onClick={() => setEditing(!editing)} aria-expanded={editing} disabled={!info}>
              {t('channels.edit')}
            </button>
            <button type="button" className="button ghost small" data-testid="channel-toggle" onClick={toggle} disabled={status.busy}>
              {channel.active ? t('channels.disable') : t('channels.enable')}
            </button>
          </span>
        )}
      </div>
      <FormStatus error={status.error} done={status.done} />
      <ChannelHealthView channel={channel} />
      {editing && info && (
        <ChannelForm
          info={info}
          channel={channel}
          onSaved={(c) => {
            onChanged(c);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      <WebhookInfo channel={channel} onChanged={onChanged} canEdit={canEdit} />
      <button type="button" className="button ghost small" data-testid="channel-failed-toggle" aria-expanded={showFailed} onClick={() => setShowFailed(!showFailed)}>
        {showFailed ? t('channels.deliveries.hide') : t('channels.deliveries.show')}
        {channel.health.failedLast24h > 0 && <span className="badge">{channel.health.failedLast24h}</span>}
      </button>
      {showFailed && <FailedDeliveries channelId={channel.id} canRetry={canEdit && channel.active} onRetried={reload} />}
    </li>
  );
}
