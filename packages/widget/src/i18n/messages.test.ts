import assert from 'node:assert/strict';
import { test } from 'node:test';
import { format, messages, pickLocale } from './messages.ts';

test('the browser language decides: any Spanish variant is Spanish, anything else English', () => {
  assert.equal(pickLocale('es'), 'es');
  assert.equal(pickLocale('es-MX'), 'es');
  assert.equal(pickLocale('ES-es'), 'es');
  assert.equal(pickLocale('en-GB', 'es'), 'en');
  assert.equal(pickLocale('fr-FR', 'es'), 'en');
});

test('the workspace default applies only when the browser gives no language', () => {
  assert.equal(pickLocale(undefined, 'es'), 'es');
  assert.equal(pickLocale('', 'es'), 'es');
  assert.equal(pickLocale(null), 'en');
});

test('both dictionaries have the same keys, none empty, and say "Open chat" in their language', () => {
  const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v).map((s) => `${k}.${s}`) : [k]));
  assert.deepEqual(keys(messages.es).sort(), keys(messages.en).sort());
  for (const locale of ['es', 'en'] as const) {
    for (const [k, v] of Object.entries(messages[locale])) if (typeof v === 'string') assert.ok(v.trim(), `${locale}.${k} is empty`);
  }
  assert.equal(messages.es.openChat, 'Abrir chat');
  assert.equal(messages.en.openChat, 'Open chat');
});

test('format fills named placeholders and leaves unknown ones visible', () => {
  assert.equal(format('Gracias, {name}. {x}', { name: 'Ana' }), 'Gracias, Ana. {x}');
});
