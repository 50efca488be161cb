import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMapping, csvHeader, errorsCsv, guessChoices, type ColumnChoice } from './import-mapping.ts';

test('the header is the first record, with quotes, a BOM and CRLF', () => {
  assert.deepEqual(csvHeader('\uFEFFNombre,"Correo, trabajo",Teléfono\r\nAna,a@x.es,600\r\n'), ['Nombre', 'Correo, trabajo', 'Teléfono']);
  assert.deepEqual(csvHeader('"Say ""hi""",b'), ['Say "hi"', 'b']);
  assert.deepEqual(csvHeader(''), []);
});

test('columns are guessed from their titles in Spanish or English; the rest become attributes', () => {
  assert.deepEqual(guessChoices(['Nombre', 'Email', 'Móvil', 'Idioma', 'Código', 'Plan de pago']), [
    { column: 'Nombre', target: 'name', attributeKey: '' },
    { column: 'Email', target: 'email', attributeKey: '' },
    { column: 'Móvil', target: 'phone', attributeKey: '' },
    { column: 'Idioma', target: 'locale', attributeKey: '' },
    { column: 'Código', target: 'externalId', attributeKey: '' },
    { column: 'Plan de pago', target: 'attribute', attributeKey: 'plan_de_pago' },
  ]);
  // Only the first of two name-like columns is taken as the name.
  assert.deepEqual(guessChoices(['name', 'nombre']).map((c) => c.target), ['name', 'attribute']);
});

const choice = (column: string, target: ColumnChoice['target'], attributeKey = ''): ColumnChoice => ({ column, target, attributeKey });

test('the mapping sent to the server', () => {
  const built = buildMapping(
    [choice('Nombre', 'name'), choice('Correo', 'email'), choice('Id', 'externalId'), choice('Plan', 'attribute', 'plan'), choice('Notas', 'ignore')],
    'shop',
  );
  assert.deepEqual(built, { mapping: { name: 'Nombre', email: 'Correo', externalId: { column: 'Id', channel: 'shop' }, attributes: { plan: 'Plan' } } });
});

test('what stops the import before it is sent', () => {
  assert.deepEqual(buildMapping([choice('a', 'ignore')], ''), { problems: [{ kind: 'nothing_mapped' }] });
  assert.deepEqual(buildMapping([choice('a', 'email'), choice('b', 'email')], ''), { problems: [{ kind: 'duplicate_target', target: 'email' }] });
  assert.deepEqual(buildMapping([choice('a', 'externalId')], ''), { problems: [{ kind: 'missing_channel' }] });
  assert.deepEqual(buildMapping([choice('a', 'externalId')], 'Mi Tienda'), { problems: [{ kind: 'bad_channel' }] });
  assert.deepEqual(buildMapping([choice('a', 'attribute', ' ')], ''), { problems: [{ kind: 'missing_attribute_key', column: 'a' }] });
  assert.deepEqual(buildMapping([choice('a', 'attribute', 'x'), choice('b', 'attribute', 'x')], ''), { problems: [{ kind: 'duplicate_attribute_key', key: 'x' }] });
});

test('row errors as CSV, quoted where needed', () => {
  const csv = errorsCsv([{ row: 3, column: 'Correo', message: 'not a valid email, check it' }, { row: 5, column: null, message: 'say "hi"' }], {
    line: 'Línea',
    column: 'Columna',
    message: 'Mensaje',
  });
  assert.equal(csv, 'Línea,Columna,Mensaje\r\n3,Correo,"not a valid email, check it"\r\n5,,"say ""hi"""\r\n');
});
