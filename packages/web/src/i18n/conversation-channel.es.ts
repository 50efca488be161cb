import type { conversationChannelEn } from './conversation-channel.en.ts';

// Spanish strings for replies through a channel, spread into es.dictionary.ts.
export const conversationChannelEs: Record<keyof typeof conversationChannelEn, string> = {
  'delivery.queued': 'Pendiente de envío',
  'delivery.sent': 'Enviado',
  'delivery.delivered': 'Entregado',
  'delivery.read': 'Leído',
  'delivery.failed': 'No entregado',
  'channelReply.title': 'Responder por este canal',
  'channelReply.cannotReply': 'Ahora no se puede enviar una respuesta por este canal.',
  'channelReply.templateHint': 'WhatsApp solo deja escribir libremente en las 24 horas siguientes al último mensaje del cliente. Envía una plantilla aprobada para volver a contactarle; cuando responda, podrás escribir libremente.',
  'channelReply.templateName': 'Nombre de la plantilla aprobada',
  'channelReply.templateLanguage': 'Idioma de la plantilla',
  'channelReply.templateParameters': 'Parámetros ({{1}}, {{2}}…), uno por línea',
  'channelReply.sendTemplate': 'Enviar plantilla',
  'channelReply.sending': 'Enviando…',
};
