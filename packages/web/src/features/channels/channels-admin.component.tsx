import { useCallback, useEffect, useState } from 'react';
import { channelsApi } from '../../api/channels-api.ts';
import type { Channel, ChannelKind, ChannelKindInfo } from '../../api/channels-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useMe } from '../auth/session.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { ChannelCard } from './channel-card.component.tsx';
import { ChannelForm } from './channel-form.component.tsx';
import { CHANNEL_KINDS, channelLabel } from './channel-kinds.ts';
import { notifyChannelsChanged } from './channels-changed.ts';
import './channels.css';

// Administration → Channels: the workspace's channels with their health, and a form to connect one
// more, generated from what the server says each kind takes.
export function ChannelsAdmin() {
  const { t } = useI18n();
  const me = useMe();
  const canEdit = me.role === 'admin';
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [kinds, setKinds] = useState<ChannelKindInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState<ChannelKind | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const reload = useCallback(() => {
    channelsApi.list().then(
      (r) => {
        setChannels(r.items);
        setError(null);
      },
      (err: unknown) => setError(errorText(err, t)),
    );
    notifyChannelsChanged();
  }, [t]);

  useEffect(() => {
    reload();
    channelsApi.kinds().then(
      (r) => setKinds(r.items),
      (err: unknown) => setError(errorText(err, t)),
    );
  }, [reload, t]);

  const changed = (c: Channel) => {
    setChannels((list) => (list ?? []).map((x) => (x.id === c.id ? c : x)));
    notifyChannelsChanged();
  };
  const infoOf = (kind: ChannelKind) => kinds.find((k) => k.kind === kind);
  const addingInfo = adding ? infoOf(adding) : undefined;
  const kindChoices = CHANNEL_KINDS.filter((k) => infoOf(k));

  return (
    <section aria-labelledby="channels-heading" data-testid="admin-channels">
      <h1 id="channels-heading">{t('admin.channels')}</h1>
      <p className="muted">{t('channels.intro')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {channels === null && !error && <p className="muted">{t('channels.loading')}</p>}
      {channels?.length === 0 && <p className="muted">{t('channels.empty')}</p>}
      {created && (
        <p className="form-ok" role="status" data-testid="channel-created">
          {created}
        </p>
      )}
      <ul className="plain channel-list">
        {channels?.map((c) => (
          <ChannelCard key={c.id} channel={c} info={infoOf(c.kind)} canEdit={canEdit} onChanged={changed} reload={reload} />
        ))}
      </ul>
      {canEdit && (
        <div className="card channel-add">
          <h2>{t('channels.add')}</h2>
          <label>
            {t('channels.kind')}
            <select data-testid="channel-kind" value={adding ?? ''} onChange={(e) => setAdding(kindChoices.find((k) => k === e.target.value) ?? null)}>
              <option value="" />
              {kindChoices.map((k) => (
                <option key={k} value={k}>
                  {channelLabel(k, t)}
                </option>
              ))}
            </select>
          </label>
          {addingInfo && (
            <ChannelForm
              key={addingInfo.kind}
              info={addingInfo}
              onSaved={(c) => {
                setChannels((list) => [...(list ?? []), c]);
                setAdding(null);
                setCreated(t('channels.created', { name: c.name }));
                notifyChannelsChanged();
              }}
              onCancel={() => setAdding(null)}
            />
          )}
        </div>
      )}
    </section>
  );
}
