import assert from 'node:assert/strict';
import { test } from 'node:test';
import { qualityOf } from './call-quality.ts';

test('quality comes from the selected pair and the inbound streams', () => {
  const q = qualityOf([
    { type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: 0.0123 },
    { type: 'candidate-pair', state: 'failed', nominated: false, currentRoundTripTime: 9 },
    { type: 'inbound-rtp', kind: 'video', packetsLost: 2, packetsReceived: 98, framesDecoded: 120, frameWidth: 640, frameHeight: 480 },
    { type: 'inbound-rtp', kind: 'audio', packetsLost: 0, packetsReceived: 100 },
    { type: 'outbound-rtp', kind: 'video', packetsSent: 500 },
  ]);
  assert.deepEqual(q, { rttMs: 12, packetLossPct: 1, width: 640, height: 480, framesDecoded: 120, audioPacketsReceived: 100 });
});

test('nothing received yet is no loss figure and no frames, not zero loss', () => {
  assert.deepEqual(qualityOf([{ type: 'inbound-rtp', kind: 'audio', packetsReceived: 0, packetsLost: 0 }]), {
    rttMs: null, packetLossPct: null, width: null, height: null, framesDecoded: 0, audioPacketsReceived: 0,
  });
});
