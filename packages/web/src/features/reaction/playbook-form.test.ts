import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CatalogField, Playbook } from '../../api/reaction-types.ts';
import { conditionToRows, errorsByField, fieldKeyOf, formToDefinition, playbookToForm, rowsToCondition } from './playbook-form.ts';

const FIELDS: CatalogField[] = [
  { field: 'emotion', ops: ['eq', 'neq', 'in', 'notIn'], values: ['anger', 'sadness'], about: '' },
  { field: 'intensity', ops: ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'], min: 0, max: 1, about: '' },
  { field: 'alert', ops: ['eq'], values: [true, false], about: '' },
  { field: 'contactsInDays', ops: ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'], about: '' },
  { field: 'keywords', ops: ['any'], about: '' },
];

test('server paths map to the form input they are about', () => {
  assert.equal(fieldKeyOf('body.actions.0.percent'), 'actions.0.percent');
  assert.equal(fieldKeyOf('body.playbook.actions.1.amount'), 'actions.1.amount');
  assert.equal(fieldKeyOf('body.actions.2.draft.es'), 'actions.2.draft.es');
  assert.equal(fieldKeyOf('body.actions'), 'actions');
  assert.equal(fieldKeyOf('body.condition.all.1.value'), 'condition.1.value');
  assert.equal(fieldKeyOf('body.condition.any.0.field'), 'condition.0.field');
  assert.equal(fieldKeyOf('body.condition.all.2.any.0.value'), 'condition.2', 'inside a nested JSON row');
  assert.equal(fieldKeyOf('body.condition.all'), 'condition');
  assert.equal(fieldKeyOf('body.name.es'), 'name.es');
  assert.equal(fieldKeyOf('body.name'), 'name');
  assert.equal(fieldKeyOf('body.priority'), 'priority');
  assert.equal(fieldKeyOf('body.surprise'), 'form');
  const grouped = errorsByField([
    { path: 'body.actions.0.percent', message: 'must be at most 15' },
    { path: 'body.actions.0.percent', message: 'again' },
    { path: 'body', message: 'x' },
  ]);
  assert.equal(grouped['actions.0.percent']?.length, 2);
  assert.equal(grouped.form?.[0]?.path, 'body');
});

test('a condition becomes rows and back without loss, nested groups as JSON rows', () => {
  const condition = {
    all: [
      { field: 'emotion', op: 'in' as const, value: ['anger', 'sadness'] },
      { field: 'intensity', op: 'gte' as const, value: 0.6 },
      { field: 'contactsInDays', days: 7, op: 'gte' as const, value: 3 },
      { any: [{ field: 'customerValue', op: 'gte' as const, value: 1000 }] },
    ],
  };
  const { grouping, rows } = conditionToRows(condition);
  assert.equal(grouping, 'all');
  assert.deepEqual(rows[0], { kind: 'leaf', field: 'emotion', op: 'in', value: 'anger, sadness', days: '' });
  assert.deepEqual(rows[2], { kind: 'leaf', field: 'contactsInDays', op: 'gte', value: '3', days: '7' });
  assert.equal(rows[3]?.kind, 'json');
  assert.deepEqual(rowsToCondition(grouping, rows, FIELDS), condition);
});

test('values are typed by field; what is not a number goes as typed so the server names it', () => {
  const issues: { path: string; message: string }[] = [];
  const c = rowsToCondition(
    'any',
    [
      { kind: 'leaf', field: 'alert', op: 'eq', value: 'true', days: '' },
      { kind: 'leaf', field: 'keywords', op: 'any', value: 'baja, cancelar ,', days: '' },
      { kind: 'leaf', field: 'intensity', op: 'gt', value: 'mucho', days: '' },
      { kind: 'leaf', field: 'emotion', op: 'eq', value: 'anger', days: '' },
      { kind: 'json', json: '{oops' },
    ],
    FIELDS,
    issues,
  );
  assert.deepEqual(c, {
    any: [
      { field: 'alert', op: 'eq', value: true },
      { field: 'keywords', op: 'any', value: ['baja', 'cancelar'] },
      { field: 'intensity', op: 'gt', value: 'mucho' },
      { field: 'emotion', op: 'eq', value: 'anger' },
      {},
    ],
  });
  assert.deepEqual(issues, [{ path: 'body.condition.any.4', message: 'invalid JSON' }]);
  assert.equal(fieldKeyOf(issues[0]!.path), 'condition.4');
});

test('a playbook round-trips through the form', () => {
  const p: Playbook = {
    id: 'p1',
    key: null,
    isDefault: false,
    name: { es: 'Decepcionado', en: 'Disappointed' },
    description: {},
    enabled: true,
    priority: 90,
    condition: { field: 'emotion', op: 'eq', value: 'sadness' },
    actions: [
      { type: 'personal_call', by: 'trusted' },
      { type: 'offer_discount', percent: 10 },
      { type: 'apology', draft: { es: 'Hola {firstName}' } },
      { type: 'article', title: { en: 'Refunds' }, url: 'https://example.com/r' },
    ],
    createdAt: '',
    updatedAt: '',
  };
  const { body, issues } = formToDefinition(playbookToForm(p), FIELDS);
  assert.deepEqual(issues, []);
  assert.deepEqual(body, {
    name: p.name,
    description: {},
    enabled: true,
    priority: 90,
    condition: { all: [p.condition] },
    actions: [...p.actions.slice(0, 2), { type: 'apology', draft: { es: 'Hola {firstName}' } }, p.actions[3]],
  });
});
