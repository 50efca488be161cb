import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withFirstName } from './first-name-insert.ts';

test('the name goes into an existing greeting', () => {
  assert.deepEqual(withFirstName('Hola, gracias por escribir.', 'Lucía', 'es'), { text: 'Hola Lucía, gracias por escribir.', caret: 10 });
  assert.equal(withFirstName('Hola gracias por escribir.', 'Lucía', 'es').text, 'Hola Lucía, gracias por escribir.');
  assert.equal(withFirstName('Buenos días! Ya está.', 'Lucía', 'es').text, 'Buenos días Lucía! Ya está.');
  assert.equal(withFirstName('Hi, thanks for writing.', 'John', 'en').text, 'Hi John, thanks for writing.');
});

test("another customer's name left in a copied reply is replaced", () => {
  const r = withFirstName('Hola Ana, sentimos las molestias.', 'Lucía', 'es');
  assert.equal(r.text, 'Hola Lucía, sentimos las molestias.');
  assert.equal(r.text.slice(0, r.caret), 'Hola Lucía');
});

test('without a greeting, a greeting line is added in the language of the app', () => {
  assert.equal(withFirstName('Sentimos las molestias.', 'Lucía', 'es').text, 'Hola Lucía,\nSentimos las molestias.');
  assert.equal(withFirstName('Sorry for the trouble.', 'John', 'en').text, 'Hi John,\nSorry for the trouble.');
  assert.equal(withFirstName('', 'Lucía', 'es').text, 'Hola Lucía, ');
});

test('a name already there is left alone, accents aside', () => {
  assert.equal(withFirstName('Hola Lucia, ya está.', 'Lucía', 'es').text, 'Hola Lucia, ya está.');
});
