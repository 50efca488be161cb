// English strings for replies through a channel (delivery marks, WhatsApp's window), spread into en.dictionary.ts.
export const conversationChannelEn = {
  'delivery.queued': 'Waiting to go out',
  'delivery.sent': 'Sent',
  'delivery.delivered': 'Delivered',
  'delivery.read': 'Read',
  'delivery.failed': 'Not delivered',
  'channelReply.title': 'Replying on this channel',
  'channelReply.cannotReply': 'A reply cannot be sent on this channel right now.',
  'channelReply.templateHint': 'WhatsApp only lets a business write freely within 24 hours of the customer’s last message. Send an approved template to reach them again; once they answer, you can write freely.',
  'channelReply.templateName': 'Approved template name',
  'channelReply.templateLanguage': 'Template language',
  'channelReply.templateParameters': 'Parameters ({{1}}, {{2}}…), one per line',
  'channelReply.sendTemplate': 'Send template',
  'channelReply.sending': 'Sending…',
} as const;
