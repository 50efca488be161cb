import type { ChannelKind } from '../../api/channels-types.ts';
import { en } from '../../i18n/en.dictionary.ts';
import type { MessageKey } from '../../i18n/i18n.types.ts';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const CHANNEL_KINDS: readonly ChannelKind[] = ['email', 'whatsapp', 'telegram', 'messenger', 'instagram', 'sms'];

// Network names are the same in every language; only the generic ones are translated.
const BRANDS: Readonly<Record<string, string>> = { whatsapp: 'WhatsApp', telegram: 'Telegram', messenger: 'Messenger', instagram: 'Instagram', sms: 'SMS (Twilio)' };

const isKey = (key: string): key is MessageKey => key in en;

// The name of a conversation's channel (`web`, `email`, `whatsapp`…); an unknown one is shown as is.
export function channelLabel(channel: string, t: T): string {
  if (channel === 'web') return t('channels.kind.web');
  if (channel === 'email') return t('channels.kind.email');
  return BRANDS[channel] ?? channel;
}

// A settings field's label in the UI language; a field this version does not know keeps its name.
export function fieldLabel(path: string, t: T): string {
  const key = `channels.field.${path}`;
  return isKey(key) ? t(key) : path;
}

export function secretLabel(name: string, t: T): string {
  const key = `channels.secretName.${name}`;
  return isKey(key) ? t(key) : name;
}

export function helpText(kind: ChannelKind, t: T, smtpPort: number | null): string {
  const key = `channels.help.${kind}`;
  return isKey(key) ? t(key, { port: smtpPort ?? '—' }) : '';
}
