import type { Locale } from '../api/widget-api.types.ts';

// Every string the visitor can see, in both languages the product speaks.
const es = {
  openChat: 'Abrir chat',
  closeChat: 'Cerrar chat',
  title: 'Chatea con nosotros',
  defaultGreeting: '¡Hola! ¿En qué podemos ayudarte?',
  officeHours: 'Horario de atención',
  inputLabel: 'Escribe tu mensaje',
  inputPlaceholder: 'Escribe un mensaje…',
  send: 'Enviar',
  attachImage: 'Adjuntar imagen',
  recordVoice: 'Grabar nota de voz',
  stopRecording: 'Detener y enviar nota de voz',
  emoji: 'Insertar emoji',
  contactIntro: 'Déjanos tus datos (opcional) para poder responderte por correo.',
  name: 'Nombre',
  email: 'Correo electrónico',
  save: 'Guardar',
  contactSaved: 'Gracias, {name}. Te responderemos aquí.',
  editContact: 'Cambiar datos',
  contactFailed: 'No se pudieron guardar tus datos. Revisa el correo.',
  pending: 'Enviando…',
  failed: 'No enviado',
  retry: 'Reintentar',
  remove: 'Quitar',
  typing: 'Está escribiendo…',
  you: 'Tú',
  agent: 'Equipo',
  uploading: 'Subiendo archivo…',
  uploadFailed: 'No se pudo subir el archivo.',
  micDenied: 'No se pudo usar el micrófono.',
  voiceNote: 'Nota de voz',
  image: 'Imagen',
  loadFailed: 'No se pudo cargar el archivo',
  status: {
    online: 'En línea',
    connecting: 'Conectando…',
    reconnecting: 'Reconectando…',
    offline: 'Sin conexión: tus mensajes se enviarán al volver',
  },
};

export type Strings = typeof es;

const en: Strings = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  title: 'Chat with us',
  defaultGreeting: 'Hi! How can we help?',
  officeHours: 'Office hours',
  inputLabel: 'Type your message',
  inputPlaceholder: 'Write a message…',
  send: 'Send',
  attachImage: 'Attach an image',
  recordVoice: 'Record a voice note',
  stopRecording: 'Stop and send voice note',
  emoji: 'Insert emoji',
  contactIntro: 'Leave your details (optional) so we can also reply by email.',
  name: 'Name',
  email: 'Email',
  save: 'Save',
  contactSaved: 'Thanks, {name}. We will reply here.',
  editContact: 'Change details',
  contactFailed: 'Your details could not be saved. Check the email address.',
  pending: 'Sending…',
  failed: 'Not sent',
  retry: 'Retry',
  remove: 'Remove',
  typing: 'Is typing…',
  you: 'You',
  agent: 'Team',
  uploading: 'Uploading file…',
  uploadFailed: 'The file could not be uploaded.',
  micDenied: 'The microphone could not be used.',
  voiceNote: 'Voice note',
  image: 'Image',
  loadFailed: 'The file could not be loaded',
  status: {
    online: 'Online',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    offline: 'Offline: your messages will be sent when you are back',
  },
};

export const messages: Record<Locale, Strings> = { es, en };

// The visitor's browser decides; the workspace default only applies when the browser says nothing.
export function pickLocale(browserLanguage: string | undefined | null, fallback?: Locale): Locale {
  if (!browserLanguage) return fallback ?? 'en';
  return browserLanguage.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export const stringsFor = (locale: Locale): Strings => messages[locale];

export const format = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
