import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CallView } from './call-api.ts';
import { formatDuration, noticeForMedia, noticeForStart, outcomeOf } from './call.state.ts';

const ended = (patch: Partial<CallView>): CallView => ({
  id: 'c',
  conversationId: 'v',
  media: 'audio',
  direction: 'inbound',
  status: 'ended',
  answeredAt: null,
  endedAt: null,
  durationSeconds: null,
  endReason: null,
  employeeName: null,
  ...patch,
});

test('durations read as a clock: m:ss, and h:mm:ss past the hour', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(65.9), '1:05');
  assert.equal(formatDuration(3600 + 62), '1:01:02');
  assert.equal(formatDuration(-3), '0:00');
});

test("why a call could not start comes from the server's reason; anything else is a generic failure", () => {
  assert.equal(noticeForStart(409, 'no_one_available'), 'unavailable');
  assert.equal(noticeForStart(409, 'calls_off'), 'callsOff');
  assert.equal(noticeForStart(409, 'call_in_progress'), 'busy');
  assert.equal(noticeForStart(409, 'outside_office_hours'), 'outsideHours');
  assert.equal(noticeForStart(409, 'something_new'), 'startFailed');
  assert.equal(noticeForStart(0, undefined), 'startFailed');
  assert.equal(noticeForMedia('denied'), 'micDenied');
  assert.equal(noticeForMedia('no_device'), 'noMic');
  assert.equal(noticeForMedia('unsupported'), 'unsupported');
});

test('how an ended call reads depends on who called: nobody answered the customer, or the customer missed a call back', () => {
  assert.deepEqual(outcomeOf(ended({ status: 'missed' }), true), { phase: 'ended', notice: 'noAnswer' });
  assert.deepEqual(outcomeOf(ended({ status: 'declined' }), true), { phase: 'ended', notice: 'declined' });
  assert.deepEqual(outcomeOf(ended({ status: 'failed' }), true), { phase: 'failed', notice: 'connectionFailed' });
  assert.deepEqual(outcomeOf(ended({ answeredAt: '2026-01-01T10:00:00Z' }), true), { phase: 'ended', notice: 'ended' });
  assert.deepEqual(outcomeOf(ended({ direction: 'outbound', status: 'missed' }), false), { phase: 'ended', notice: 'missedIncoming' });
  assert.deepEqual(outcomeOf(ended({ direction: 'outbound', endReason: 'caller_cancelled' }), false), { phase: 'ended', notice: 'missedIncoming' });
});
