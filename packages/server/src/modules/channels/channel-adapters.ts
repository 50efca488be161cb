import type { ChannelsConfig } from '../../platform/config/config.ts';
import type { ChannelAdapter, ChannelKind } from './channel.types.ts';
import { emailAdapter } from './email/email.adapter.ts';
import { instagramAdapter, messengerAdapter } from './meta/messenger.adapter.ts';
import { telegramAdapter } from './telegram/telegram.adapter.ts';
import { twilioAdapter } from './twilio/twilio.adapter.ts';
import { whatsappAdapter } from './whatsapp/whatsapp.adapter.ts';

export type Adapters = Record<ChannelKind, ChannelAdapter>;

export const createAdapters = (config: ChannelsConfig): Adapters => ({
  email: emailAdapter(config),
  whatsapp: whatsappAdapter,
  telegram: telegramAdapter,
  messenger: messengerAdapter,
  instagram: instagramAdapter,
  sms: twilioAdapter,
});

export const CHANNEL_KINDS: readonly ChannelKind[] = ['email', 'whatsapp', 'telegram', 'messenger', 'instagram', 'sms'];
export const isChannelKind = (k: string): k is ChannelKind => (CHANNEL_KINDS as readonly string[]).includes(k);
