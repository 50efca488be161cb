import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acknowledge, clearFailure, enqueue, loadOutbox, markFailed, newOutboxItem, saveOutbox, sendable, type StorageLike } from './outbox.store.ts';

const memoryStorage = (): StorageLike & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};

test('an item is queued once per idempotency key and leaves only when acknowledged', () => {
  const a = newOutboxItem('hola', [], 'key-aaaaaaaa');
  const b = newOutboxItem('¿hay alguien?', [], 'key-bbbbbbbb');
  let box = enqueue(enqueue(enqueue([], a), b), { ...a, text: 'changed' });
  assert.deepEqual(box.map((i) => i.text), ['hola', '¿hay alguien?']);
  box = acknowledge(box, 'key-unknown');
  assert.equal(box.length, 2);
  box = acknowledge(box, a.idempotencyKey);
  assert.deepEqual(box.map((i) => i.idempotencyKey), ['key-bbbbbbbb']);
});

test('a failed item is kept (never silently dropped) but not resent until retried', () => {
  const box = [newOutboxItem('uno', [], 'key-11111111'), newOutboxItem('dos', [], 'key-22222222')];
  const failed = markFailed(box, 'key-11111111', 'too long');
  assert.equal(failed.length, 2);
  assert.deepEqual(sendable(failed).map((i) => i.text), ['dos']);
  assert.deepEqual(sendable(clearFailure(failed, 'key-11111111')).map((i) => i.text), ['uno', 'dos']);
});

test('the outbox survives a reload through storage, keys and order intact', () => {
  const storage = memoryStorage();
  const ref = { id: '3b0d2a54-9a6f-4f2e-8a8e-5f0f3c1d2e4b', fileName: 'a.png', contentType: 'image/png', sizeBytes: 10 };
  const box = [newOutboxItem('uno', [], 'key-11111111'), newOutboxItem('', [ref], 'key-22222222')];
  saveOutbox(storage, 'k', box);
  assert.deepEqual(loadOutbox(storage, 'k'), box);
  saveOutbox(storage, 'k', []);
  assert.equal(storage.data.has('k'), false, 'an empty outbox leaves nothing behind');
});

test('corrupt or foreign storage content yields an empty outbox instead of a crash', () => {
  const storage = memoryStorage();
  storage.setItem('k', '{not json');
  assert.deepEqual(loadOutbox(storage, 'k'), []);
  storage.setItem('k', JSON.stringify([{ text: 'no key' }, newOutboxItem('ok', [], 'key-33333333')]));
  assert.deepEqual(loadOutbox(storage, 'k').map((i) => i.text), ['ok']);
  assert.deepEqual(loadOutbox(null, 'k'), []);
});
