import type { EmotionLabel, LocalizedText, Locale, MoodTrend } from '../../platform/db/database.types.ts';
import type { ReasonPart } from './condition.evaluator.ts';

// Reasons and labels in words, in Spanish or English. Feelings are named as an employee would
// describe the customer ("Decepcionado"), not as the model's class names.
const FEELING: Record<Locale, Record<EmotionLabel, string>> = {
  es: { anger: 'Enfadado', disgust: 'Molesto', fear: 'Preocupado', sadness: 'Decepcionado', joy: 'Contento', surprise: 'Sorprendido', neutral: 'Neutral' },
  en: { anger: 'Angry', disgust: 'Annoyed', fear: 'Worried', sadness: 'Disappointed', joy: 'Happy', surprise: 'Surprised', neutral: 'Neutral' },
};
const TREND: Record<Locale, Record<MoodTrend, string>> = {
  es: { improving: 'ánimo mejorando', stable: 'ánimo estable', worsening: 'ánimo empeorando' },
  en: { improving: 'mood improving', stable: 'mood stable', worsening: 'mood worsening' },
};
const ES_ORDINAL = ['primer', 'segundo', 'tercer', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno', 'décimo'];
const EN_ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

// Formatters are built once: building one costs far more than formatting (a tenth of the server's
// time went to it at 500 messages/s, three reasons per message).
const formatters = new Map<string, Intl.NumberFormat>();
const formatter = (locale: Locale, options: Intl.NumberFormatOptions) => {
  const key = `${locale}${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale === 'es' ? 'es-ES' : 'en-GB', options)));
  return f;
};
const num = (n: number, locale: Locale, digits = 2) => formatter(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n).replace('-', '−');
const whole = (n: number, locale: Locale) => formatter(locale, { maximumFractionDigits: 2, useGrouping: n >= 10_000 }).format(n);

function enOrdinal(n: number): string {
  if (n >= 1 && n <= 10) return EN_ORDINAL[n - 1]!;
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
}

const duration = (minutes: number, locale: Locale) =>
  minutes < 120 ? `${minutes} min` : minutes < 48 * 60 ? `${Math.round(minutes / 60)} h` : `${Math.round(minutes / 1440)} ${locale === 'es' ? 'días' : 'days'}`;

function part(p: ReasonPart, locale: Locale): string {
  const es = locale === 'es';
  switch (p.kind) {
    case 'emotion':
      return `${FEELING[locale][p.emotion]} (${num(p.intensity, locale)})`;
    case 'alert':
      return es ? 'alerta' : 'alert';
    case 'mood':
      return `${es ? 'ánimo' : 'mood'} ${num(p.score, locale)}`;
    case 'trend':
      return TREND[locale][p.trend];
    case 'contacts': {
      const days = `${p.spanDays} ${es ? (p.spanDays === 1 ? 'día' : 'días') : p.spanDays === 1 ? 'day' : 'days'}`;
      if (es) return p.count <= 10 ? `${ES_ORDINAL[p.count - 1] ?? 'primer'} contacto en ${days}` : `contacto n.º ${p.count} en ${days}`;
      return `${enOrdinal(Math.max(1, p.count))} contact in ${days}`;
    }
    case 'waiting':
      return `${es ? 'esperando' : 'waiting'} ${duration(p.minutes, locale)}`;
    case 'openConversations':
      return es ? `${p.count} ${p.count === 1 ? 'conversación abierta' : 'conversaciones abiertas'}` : `${p.count} open ${p.count === 1 ? 'conversation' : 'conversations'}`;
    case 'value':
      if (p.level === 'high') return es ? 'valor alto' : 'high value';
      if (p.level === 'low') return es ? 'valor bajo' : 'low value';
      return `${es ? 'valor' : 'value'} ${whole(p.value, locale)}`;
    case 'segment':
      return es ? `segmento ${p.segment}` : `${p.segment} segment`;
    case 'survey':
      if (p.metric) return `${es ? 'encuesta' : 'survey'}: ${p.metric.toUpperCase()} ${whole(p.score, locale)}`;
      return `${es ? 'última encuesta' : 'last survey'} ${whole(p.score, locale)}`;
    case 'keyword':
      return es ? `menciona «${p.word}»` : `mentions "${p.word}"`;
  }
}

export function formatReason(parts: ReasonPart[], locale: Locale): string {
  // "ánimo −0,70 (empeorando)" reads better than the two apart.
  const trend = parts.find((p) => p.kind === 'trend');
  const hasMood = parts.some((p) => p.kind === 'mood');
  const text = parts
    .filter((p) => !(hasMood && p.kind === 'trend'))
    .map((p) => (p.kind === 'mood' && trend?.kind === 'trend' ? `${part(p, locale)} (${TREND[locale][trend.trend].split(' ').pop()})` : part(p, locale)))
    .join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const LOCALES: Locale[] = ['es', 'en'];

export const asLocale = (value: string | null | undefined): Locale | undefined => {
  const two = value?.slice(0, 2).toLowerCase();
  return two === 'es' || two === 'en' ? two : undefined;
};

// The text in the wanted language, else in the other one: admins may write a playbook in one.
export const pick = (t: LocalizedText, locale: Locale): string => t[locale] ?? t[locale === 'es' ? 'en' : 'es'] ?? '';

export const bothLanguages = (f: (locale: Locale) => string): Record<Locale, string> => ({ es: f('es'), en: f('en') });
