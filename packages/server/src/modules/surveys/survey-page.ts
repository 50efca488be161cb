import type { Locale } from '../../platform/db/database.types.ts';
import type { SurveyForm } from './survey-answer.service.ts';

// The public survey page: small, server-rendered, inline CSS, a plain form that works without
// JavaScript on any phone.
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const WORDS: Record<Locale, { stop: string; send: string; thanks: string; thanksLead: string; fix: string; low: string; high: string; lowEffort: string; highEffort: string; choose: string; title: string; problem: string }> = {
  es: {
    stop: 'No quiero recibir más encuestas',
    send: 'Enviar',
    thanks: '¡Gracias!',
    thanksLead: 'Hemos recibido tu respuesta. La leeremos con atención.',
    fix: 'Revisa las respuestas marcadas.',
    low: 'Nada',
    high: 'Muchísimo',
    lowEffort: 'Muy poco',
    highEffort: 'Muchísimo',
    choose: 'Elige una opción',
    title: 'Encuesta',
    problem: 'No se puede abrir la encuesta',
  },
  en: {
    stop: 'Do not send me more surveys',
    send: 'Send',
    thanks: 'Thank you!',
    thanksLead: 'We have received your answer. We will read it carefully.',
    fix: 'Please check the marked answers.',
    low: 'Not at all',
    high: 'Very much',
    lowEffort: 'Very little',
    highEffort: 'A lot',
    choose: 'Choose one',
    title: 'Survey',
    problem: 'This survey cannot be opened',
  },
};
const NPS_ENDS: Record<Locale, [string, string]> = { es: ['Nada probable', 'Muy probable'], en: ['Not at all likely', 'Extremely likely'] };

const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2433;background:#f5f6f8}
main{max-width:34rem;margin:0 auto;padding:1.25rem 1rem 3rem}h1{font-size:1.35rem;margin:.5rem 0 1rem}
fieldset{border:0;margin:0 0 1.25rem;padding:1rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 2px #0001}
legend{float:left;width:100%;padding:0;margin-bottom:.75rem;font-weight:600}
.scale{clear:both;display:flex;flex-wrap:wrap;gap:.35rem}.scale label{flex:1 0 2.6rem;min-height:2.75rem;position:relative}
.scale.rows{display:grid}
.scale input{position:absolute;opacity:0;inset:0}.scale span{display:flex;align-items:center;justify-content:center;height:100%;border:1px solid #c8cdd6;border-radius:.5rem;background:#fff}
.scale input:checked+span{background:#2f5bea;border-color:#2f5bea;color:#fff}.scale input:focus-visible+span{outline:3px solid #2f5bea66}
.ends{display:flex;justify-content:space-between;font-size:.8rem;color:#5b6474;margin-top:.35rem}
.choices{clear:both}.choices label{display:flex;gap:.6rem;align-items:flex-start;padding:.55rem 0;min-height:2.75rem}.choices input{margin-top:.3rem;width:1.2rem;height:1.2rem}
textarea{clear:both;display:block;width:100%;min-height:6rem;padding:.6rem;font:inherit;border:1px solid #c8cdd6;border-radius:.5rem}
button{width:100%;min-height:3rem;font:inherit;font-weight:600;color:#fff;background:#2f5bea;border:0;border-radius:.6rem}
.error{color:#b42318;font-size:.9rem;clear:both;margin:.4rem 0 0}.banner{background:#fde8e6;color:#7a1a10;padding:.75rem 1rem;border-radius:.6rem}
small{color:#5b6474}`;

function layout(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body><main>
${body}
</main></body>
</html>`;
}

type Values = Record<string, string>;
type Errors = Record<string, string>;

function question(form: SurveyForm, q: SurveyForm['questions'][number], values: Values, errors: Errors): string {
  const w = WORDS[form.locale];
  const error = errors[q.id] ? `<p class="error" id="${q.id}-error">${escapeHtml(errors[q.id]!)}</p>` : '';
  const legend = `<legend>${escapeHtml(q.text)}${q.required ? ' *' : ''}</legend>`;
  if (q.type === 'choice') {
    const options = (form.reasons ?? [])
      .map((r) => `<label><input type="radio" name="reason" value="${r.value}"${values.reason === r.value ? ' checked' : ''}${q.required ? ' required' : ''}> <span>${escapeHtml(r.label)}</span></label>`)
      .join('');
    return `<fieldset>${legend}<div class="choices">${options}</div>${error}</fieldset>`;
  }
  if (q.type === 'open') {
    return `<fieldset>${legend}<textarea name="${q.id}" maxlength="2000" aria-label="${escapeHtml(q.text)}">${escapeHtml(values[q.id] ?? '')}</textarea>${error}</fieldset>`;
  }
  const points = Array.from({ length: q.max! - q.min! + 1 }, (_, i) => q.min! + i);
  const radios = points
    .map((n) => `<label><input type="radio" name="${q.id}" value="${n}"${values[q.id] === String(n) ? ' checked' : ''}${q.required ? ' required' : ''}><span>${n}</span></label>`)
    .join('');
  const [low, high] = q.type === 'nps' ? NPS_ENDS[form.locale] : q.type === 'ces' ? [w.lowEffort, w.highEffort] : [w.low, w.high];
  // More than five thumb-sized buttons do not fit one row on a phone: two even rows instead (NPS 6 + 5, CES 4 + 3).
  const rows = points.length > 5 ? ` rows" style="grid-template-columns:repeat(${Math.ceil(points.length / 2)},1fr)` : '';
  return `<fieldset>${legend}<div class="scale${rows}" role="radiogroup">${radios}</div><div class="ends"><span>${low}</span><span>${high}</span></div>${error}</fieldset>`;
}

export function formPage(form: SurveyForm, action: string, values: Values = {}, errors: Errors = {}): string {
  const w = WORDS[form.locale];
  const banner = Object.keys(errors).length ? `<p class="banner" role="alert">${w.fix}${errors.body ? ` ${escapeHtml(errors.body)}` : ''}</p>` : '';
  const other: Locale = form.locale === 'es' ? 'en' : 'es';
  return layout(
    form.locale,
    `${w.title} · ${form.company}`,
    `<h1>${escapeHtml(form.company)}</h1>${banner}
<form method="post" action="${escapeHtml(action)}?lang=${form.locale}">
${form.questions.map((q) => question(form, q, values, errors)).join('\n')}
<p class="choices"><label><input type="checkbox" name="stop" value="yes"${values.stop === 'yes' ? ' checked' : ''}> <span>${w.stop}</span></label></p>
<button type="submit">${w.send}</button>
</form>
<p><small><a href="?lang=${other}">${other === 'es' ? 'Español' : 'English'}</a></small></p>`,
  );
}

export const thanksPage = (locale: Locale, company: string) =>
  layout(locale, WORDS[locale].thanks, `<h1>${WORDS[locale].thanks}</h1><p>${WORDS[locale].thanksLead}</p><p><small>${escapeHtml(company)}</small></p>`);

export const problemPage = (locale: Locale, text: string) => layout(locale, WORDS[locale].problem, `<h1>${WORDS[locale].problem}</h1><p>${escapeHtml(text)}</p>`);

// The first of Spanish or English the browser prefers, by its q-values.
export function fromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: (tag ?? '').split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  const hit = ranked.find((x) => x.lang === 'es' || x.lang === 'en');
  return hit ? (hit.lang as Locale) : null;
}
