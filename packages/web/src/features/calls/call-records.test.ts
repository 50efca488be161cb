import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CallView } from '../../api/call-types.ts';
import { applyMissed, formatDuration, outcomeOf, qualitySummary, ringingFor, secondsLeft, upsertCall } from './call-records.ts';

const call = (id: string, patch: Partial<CallView> = {}): CallView => ({
  id,
  conversationId: 'c1',
  customerId: 'u1',
  media: 'video',
  direction: 'inbound',
  status: 'ringing',
  ringingEmployeeId: 'ana',
  ringDeadline: '2026-12-07T10:00:20.000Z',
  ringReason: 'trusted_employee',
  callerEmployeeId: null,
  answeredBy: null,
  createdAt: '2026-12-07T10:00:00.000Z',
  answeredAt: null,
  endedAt: null,
  endedBy: null,
  endReason: null,
  durationSeconds: null,
  quality: {},
  handledAt: null,
  ...patch,
});
const at = (iso: string) => Date.parse(iso);

test('a call rings for the employee whose turn it is until the server passes it on; the countdown never goes below zero', () => {
  const ringing = call('a');
  assert.deepEqual(ringingFor([ringing], 'ana').map((c) => c.id), ['a']);
  assert.deepEqual(ringingFor([ringing], 'luis'), []);
  const passedOn = upsertCall([ringing], call('a', { ringingEmployeeId: 'luis', ringDeadline: '2026-12-07T10:00:40.000Z' }));
  assert.deepEqual(ringingFor(passedOn, 'ana'), []);
  assert.deepEqual(ringingFor(passedOn, 'luis').map((c) => c.id), ['a']);
  assert.deepEqual(ringingFor([call('b', { direction: 'outbound', ringingEmployeeId: 'ana' })], 'ana'), [], 'a call back rings at the customer');
  assert.deepEqual(ringingFor([ringing], null), []);
  assert.equal(secondsLeft('2026-12-07T10:00:20.000Z', at('2026-12-07T10:00:12.400Z')), 8);
  assert.equal(secondsLeft('2026-12-07T10:00:20.000Z', at('2026-12-07T10:00:30Z')), 0);
});

test('an older view arriving late does not undo a newer one; new calls go on top', () => {
  const active = call('a', { status: 'active', answeredBy: 'ana', answeredAt: '2026-12-07T10:00:04.000Z', ringingEmployeeId: null });
  const list = upsertCall([], active);
  assert.equal(upsertCall(list, call('a')), list, 'the ringing view from a slow REST load is dropped');
  const ended = call('a', { status: 'ended', answeredAt: '2026-12-07T10:00:04.000Z', endedAt: '2026-12-07T10:01:09.000Z', durationSeconds: 65 });
  const withEnd = upsertCall(list, ended);
  assert.equal(withEnd[0]?.status, 'ended');
  const rated = upsertCall(withEnd, { ...ended, quality: { customer: { rttMs: 3 } } });
  assert.equal(upsertCall(rated, ended), rated, 'a view without the quality report does not replace one with it');
  const both = upsertCall(rated, call('b', { createdAt: '2026-12-07T11:00:00.000Z' }));
  assert.deepEqual(both.map((c) => c.id), ['b', 'a']);
});

test('the missed list holds unanswered customer calls until handled', () => {
  const missed = call('m', { status: 'missed', ringingEmployeeId: null, endReason: 'no_answer' });
  let list = applyMissed([], call('m'));
  assert.deepEqual(list, []);
  list = applyMissed(list, missed);
  assert.deepEqual(list.map((c) => c.id), ['m']);
  list = applyMissed(list, call('d', { status: 'declined', createdAt: '2026-12-07T10:05:00.000Z' }));
  assert.deepEqual(list.map((c) => c.id), ['d', 'm']);
  list = applyMissed(list, { ...missed, handledAt: '2026-12-07T10:10:00.000Z' });
  assert.deepEqual(list.map((c) => c.id), ['d']);
  assert.deepEqual(applyMissed([], call('o', { status: 'missed', direction: 'outbound' })), [], 'a call back the customer did not take is not the team’s missed call');
});

test('outcomes: an ended call was answered when it has an answer time, otherwise the customer gave up while it rang', () => {
  assert.equal(outcomeOf(call('a', { status: 'ended', answeredAt: '2026-12-07T10:00:04.000Z' })), 'answered');
  assert.equal(outcomeOf(call('a', { status: 'ended' })), 'missed');
  assert.equal(outcomeOf(call('a', { status: 'declined' })), 'declined');
  assert.equal(outcomeOf(call('a', { status: 'failed' })), 'failed');
});

test('durations read as m:ss, or h:mm:ss past an hour', () => {
  assert.equal(formatDuration(7), '0:07');
  assert.equal(formatDuration(750), '12:30');
  assert.equal(formatDuration(3723), '1:02:03');
  assert.equal(formatDuration(-3), '0:00');
});

test('the quality summary takes the worse round trip and loss of the two sides and the best video either received', () => {
  const q = qualitySummary({
    employee: { rttMs: 4, packetLossPct: 0.5, width: 640, height: 480, framesDecoded: 300, audioPacketsReceived: 500 },
    customer: { rttMs: 6, packetLossPct: 0, width: 320, height: 240, framesDecoded: 200, audioPacketsReceived: 480 },
  });
  assert.deepEqual(q, { rttMs: 6, packetLossPct: 0.5, resolution: '640×480' });
  assert.deepEqual(qualitySummary({ customer: { rttMs: null, packetLossPct: null, width: null, height: null, framesDecoded: 0, audioPacketsReceived: 10 } }), {
    rttMs: null,
    packetLossPct: null,
    resolution: null,
  });
  assert.equal(qualitySummary({}), null);
});
