import { useState } from 'react';
import { channelsApi } from '../../api/channels-api.ts';
import type { Channel } from '../../api/channels-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { FormStatus } from '../admin/form-status.component.tsx';
import { useFormStatus } from '../admin/use-form-status.hook.ts';
import { helpText } from './channel-kinds.ts';
import { CopyField } from './copy-field.component.tsx';

// What to paste at the network and how; Telegram's webhook is registered from here, and a verify
// token can be replaced (the network then needs the new one).
export function WebhookInfo({ channel, onChanged, canEdit }: { channel: Channel; onChanged: (c: Channel) => void; canEdit: boolean }) {
  const { t } = useI18n();
  const status = useFormStatus();
  const [confirmRotate, setConfirmRotate] = useState(false);
  // Twilio signs with the Auth Token: it has no verify token to paste.
  const showToken = channel.verifyToken !== null && channel.kind !== 'sms';

  return (
    <div className="webhook-info" data-testid="channel-webhook">
      <h3>{t('channels.howTo')}</h3>
      <p className="muted">{helpText(channel.kind, t, channel.smtpPort)}</p>
      {channel.kind === 'email' && channel.smtpPort !== null && <p className="muted small">{`${t('channels.smtpPort')}: ${channel.smtpPort}`}</p>}
      {channel.webhookUrl && <CopyField label={t('channels.webhookUrl')} value={channel.webhookUrl} testId="channel-webhook-url" />}
      {showToken && <CopyField label={t('channels.verifyToken')} value={channel.verifyToken!} testId="channel-verify-token" />}
      <div className="row-actions">
        {canEdit && channel.kind === 'telegram' && (
          <button
            type="button"
            className="button"
            data-testid="channel-telegram-register"
            disabled={status.busy || !channel.active}
            onClick={() => void status.run(async () => t('channels.telegram.registered', { description: (await channelsApi.registerTelegramWebhook(channel.id)).description }))}
          >
            {t('channels.telegram.register')}
          </button>
        )}
        {canEdit && showToken && !confirmRotate && (
          <button type="button" className="button ghost small" onClick={() => setConfirmRotate(true)}>
            {t('channels.rotateToken')}
          </button>
        )}
        {confirmRotate && (
          <span className="confirm">
            {t('channels.rotateConfirm')}{' '}
            <button
              type="button"
              className="button small"
              data-testid="channel-rotate-confirm"
              disabled={status.busy}
              onClick={() =>
                void status.run(async () => {
                  onChanged(await channelsApi.update(channel.id, { rotateVerifyToken: true }));
                  setConfirmRotate(false);
                  return t('channels.rotated');
                })
              }
            >
              {t('channels.rotateYes')}
            </button>{' '}
            <button type="button" className="button ghost small" onClick={() => setConfirmRotate(false)}>
              {t('channels.cancel')}
            </button>
          </span>
        )}
      </div>
      <FormStatus error={status.error} done={status.done} />
    </div>
  );
}
