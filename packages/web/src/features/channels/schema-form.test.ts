import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JsonSchema } from '../../api/channels-types.ts';
import { addressesFrom, initialValues, issuesByField, schemaForm, secretsFrom, settingsFrom } from './schema-form.ts';

// What GET /api/channels/kinds answers for e-mail and SMS (z.toJSONSchema of the server's settings).
const EMAIL: JsonSchema = {
  type: 'object',
  properties: {
    fromName: { type: 'string', minLength: 1, maxLength: 120 },
    smtp: {
      description: 'outgoing server for replies; without it VINCULO_MAIL_TRANSPORT is used',
      type: 'object',
      properties: { host: { type: 'string', minLength: 1, maxLength: 255 }, port: { type: 'integer', minimum: 1, maximum: 65535 }, secure: { default: false, type: 'boolean' }, user: { type: 'string', maxLength: 320 } },
      required: ['host', 'port'],
    },
  },
};
const SMS: JsonSchema = {
  type: 'object',
  properties: {
    accountSid: { type: 'string', pattern: '^AC[0-9a-fA-F]{32}$' },
    from: { description: 'the sending number, E.164', type: 'string', minLength: 1, maxLength: 40 },
    apiBaseUrl: { type: 'string', maxLength: 500, format: 'uri' },
  },
  required: ['accountSid'],
};

test('each JSON-schema type gets its input; required, limits and descriptions are kept', () => {
  const form = schemaForm(SMS);
  assert.deepEqual(
    form.fields.map((f) => [f.path, f.input, f.required]),
    [
      ['accountSid', 'text', true],
      ['from', 'text', false],
      ['apiBaseUrl', 'url', false],
    ],
  );
  assert.equal(form.fields[0]!.pattern, '^AC[0-9a-fA-F]{32}$');
  assert.equal(form.fields[1]!.description, 'the sending number, E.164');
  assert.equal(form.fields[2]!.maxLength, 500);
  assert.equal(schemaForm({ type: 'object', properties: { mode: { type: 'string', enum: ['a', 'b'] }, ratio: { type: ['number', 'null'] } } }).fields.map((f) => f.input).join(), 'select,number');
});

test('a nested object is a group: its fields carry dotted paths and are required only within it', () => {
  const form = schemaForm(EMAIL);
  assert.deepEqual(form.groups, [{ path: 'smtp', required: false, description: 'outgoing server for replies; without it VINCULO_MAIL_TRANSPORT is used' }]);
  assert.deepEqual(
    form.fields.map((f) => [f.path, f.input, f.required, f.group]),
    [
      ['fromName', 'text', false, null],
      ['smtp.host', 'text', true, 'smtp'],
      ['smtp.port', 'integer', true, 'smtp'],
      ['smtp.secure', 'boolean', false, 'smtp'],
      ['smtp.user', 'text', false, 'smtp'],
    ],
  );
  assert.deepEqual([form.fields[2]!.min, form.fields[2]!.max], [1, 65535]);
});

test('values start from the current settings, else the defaults', () => {
  const form = schemaForm(EMAIL);
  assert.deepEqual(initialValues(form), { fromName: '', 'smtp.host': '', 'smtp.port': '', 'smtp.secure': false, 'smtp.user': '' });
  assert.deepEqual(initialValues(form, { fromName: 'Soporte', smtp: { host: 'smtp.example.com', port: 465, secure: true } }), {
    fromName: 'Soporte',
    'smtp.host': 'smtp.example.com',
    'smtp.port': '465',
    'smtp.secure': true,
    'smtp.user': '',
  });
});

test('settings leave out empty inputs and an untouched optional group; numbers are numbers', () => {
  const form = schemaForm(EMAIL);
  const values = initialValues(form);
  // Only the checkbox of the group has a value: the group is not sent (the server's default transport is used).
  assert.deepEqual(settingsFrom(form, { ...values, fromName: ' Soporte Tienda ', 'smtp.secure': true }), { fromName: 'Soporte Tienda' });
  assert.deepEqual(settingsFrom(form, { ...values, 'smtp.host': 'smtp.example.com', 'smtp.port': '465', 'smtp.secure': true }), { smtp: { host: 'smtp.example.com', port: 465, secure: true } });
  // What does not parse as a number goes as typed, for the server to explain.
  assert.deepEqual(settingsFrom(form, { ...values, 'smtp.host': 'h', 'smtp.port': 'abc' }), { smtp: { host: 'h', port: 'abc', secure: false } });
  const sms = schemaForm(SMS);
  assert.deepEqual(settingsFrom(sms, { accountSid: 'AC1', from: '', apiBaseUrl: 'http://127.0.0.1:9' }), { accountSid: 'AC1', apiBaseUrl: 'http://127.0.0.1:9' });
});

test('secrets: filled ones are sent, blank ones kept, removed ones sent as null', () => {
  assert.deepEqual(secretsFrom(['accessToken', 'appSecret'], { accessToken: ' EAAG ', appSecret: '' }), { accessToken: 'EAAG' });
  assert.deepEqual(secretsFrom(['smtpPassword'], {}, new Set(['smtpPassword'])), { smtpPassword: null });
  assert.deepEqual(secretsFrom(['botToken'], { botToken: '   ' }), {});
});

test("the server's validation details land under their field; the rest above the form", () => {
  const keys = ['name', 'addresses', 'settings.fromName', 'settings.smtp.host', 'settings.smtp.port', 'secrets.smtpPassword'];
  const { byField, other } = issuesByField(
    [
      { path: 'settings.smtp.port', message: 'Invalid input: expected number, received string' },
      { path: 'body.name', message: 'Too small: expected string to have >=1 characters' },
      { path: 'addresses.0', message: 'must be an email address' },
      { path: 'settings', message: 'needs "from" or "messagingServiceSid"' },
      { path: 'settings.smtp.port', message: 'a second message for the same field is not shown' },
    ],
    keys,
  );
  assert.deepEqual(byField, { 'settings.smtp.port': 'Invalid input: expected number, received string', name: 'Too small: expected string to have >=1 characters', addresses: 'must be an email address' });
  assert.deepEqual(other, ['settings: needs "from" or "messagingServiceSid"']);
});

test('addresses may be typed one per line or with commas', () => {
  assert.deepEqual(addressesFrom('soporte@tienda.example, ventas@tienda.example\n\n hola@tienda.example;'), ['soporte@tienda.example', 'ventas@tienda.example', 'hola@tienda.example']);
});
