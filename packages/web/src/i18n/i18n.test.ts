import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from './en.dictionary.ts';
import { es } from './es.dictionary.ts';
import { formatRelative } from './format.ts';
import { pickLanguage, translate } from './translate.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('Spanish has exactly the English keys, none empty or left in English by mistake', () => {
  assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort());
  for (const [key, value] of Object.entries(es)) assert.ok(value.trim().length > 0, `${key} is empty`);
  const same = Object.keys(en).filter((k) => es[k as keyof typeof en] === en[k as keyof typeof en]);
  // Names, language names, a few words shared by both languages, acronyms (CSAT, NPS, CSV) and unit
  // symbols (s, min, h, d) are legitimately identical.
  const shared = ['admin.widget', 'app.name', 'conversation.system', 'emotion.cue.emoji', 'emotion.neutral', 'lang.en', 'lang.es'];
  const dashboard = ['dashboard.behind', 'dashboard.csv', 'dashboard.days', 'dashboard.hours', 'dashboard.kpi.csat', 'dashboard.kpi.nps', 'dashboard.minutes', 'dashboard.none', 'dashboard.seconds'];
  assert.deepEqual(same.sort(), [...shared, ...dashboard].sort());
});

test('both languages use the same placeholders for every key', () => {
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    assert.deepEqual(placeholders(es[key]), placeholders(en[key]), key);
  }
});

test('translate fills placeholders', () => {
  assert.equal(translate('es', 'inbox.unreadTotal', { count: 3 }), '3 sin leer');
  assert.equal(translate('en', 'conversation.customerTyping', { name: 'Ana' }), 'Ana is typing…');
});

test('language: stored choice, then employee locale, then browser, then Spanish', () => {
  assert.equal(pickLanguage('en', 'es', ['es-ES']), 'en');
  assert.equal(pickLanguage(null, 'en', ['es-ES']), 'en');
  assert.equal(pickLanguage('fr', null, ['fr-FR', 'en-GB']), 'en');
  assert.equal(pickLanguage(null, null, ['de-DE']), 'es');
});

test('relative times follow the chosen language', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');
  assert.equal(formatRelative('2025-03-01T11:55:00Z', 'en', now), '5 minutes ago');
  assert.equal(formatRelative('2025-03-01T11:55:00Z', 'es', now), 'hace 5 minutos');
  assert.equal(formatRelative('2025-02-28T12:00:00Z', 'es', now), 'ayer');
});
