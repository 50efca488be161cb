import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Snippet } from '../../api/api.types.ts';
import { gapContext, gapsIn, insertAt, matchSnippets } from './snippet-gaps.ts';

test('gaps are found in the text as edited, with their ranges', () => {
  const text = 'Hola Lucía, tu pedido [[lastOrder]] sale hoy; plan [[attr.plan-name]].';
  assert.deepEqual(gapsIn(text), [
    { placeholder: 'lastOrder', start: 22, end: 35 },
    { placeholder: 'attr.plan-name', start: 51, end: 69 },
  ]);
  assert.equal(text.slice(22, 35), '[[lastOrder]]');
  assert.deepEqual(gapsIn('Hola Lucía, tu pedido 8812 sale hoy.'), []);
  assert.deepEqual(gapsIn('[[ no ]] [[1x]]'), [], 'only placeholder names count');
});

test('a gap is shown with a little of its surroundings', () => {
  const text = 'Hola Lucía, te escribo porque tu pedido [[lastOrder]] ya ha salido del almacén esta mañana.';
  const [gap] = gapsIn(text);
  const c = gapContext(text, gap!, 10);
  assert.deepEqual(c, { before: '…tu pedido ', marker: '[[lastOrder]]', after: ' ya ha sal…' });
});

test('insertion at the caret, replacing a selection, or of the whole reply when empty', () => {
  assert.deepEqual(insertAt('', 'Hola Lucía', 0), { text: 'Hola Lucía', from: 0 });
  assert.deepEqual(insertAt('   ', 'Hola', 3), { text: 'Hola', from: 0 });
  assert.deepEqual(insertAt('Gracias.', 'Un saludo', 8), { text: 'Gracias. Un saludo', from: 9 });
  assert.deepEqual(insertAt('Tu pedido [[lastOrder]] sale', '8812', 10, 23), { text: 'Tu pedido 8812 sale', from: 10 });
});

const snippet = (title: string, body: string): Snippet => ({
  id: title,
  title,
  body,
  locale: 'es',
  placeholders: [],
  createdBy: null,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
});

test('snippet search: every word, accents aside, title matches first', () => {
  const items = [snippet('Devolución', 'Hola {firstName}, tu envío'), snippet('Envío retrasado', 'Hola {firstName}, lo sentimos'), snippet('Factura', 'Te adjunto')];
  assert.deepEqual(matchSnippets(items, 'envio').map((s) => s.title), ['Envío retrasado', 'Devolución']);
  assert.deepEqual(matchSnippets(items, 'hola sentimos').map((s) => s.title), ['Envío retrasado']);
  assert.equal(matchSnippets(items, '  ').length, 3);
});
