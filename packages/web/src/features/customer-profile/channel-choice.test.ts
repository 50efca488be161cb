import assert from 'node:assert/strict';
import { test } from 'node:test';
import { channelChoices, learnedChannel } from './channel-choice.ts';

test('the choices are the usual channels, the customer’s and the chosen one, once each', () => {
  const stats = [
    { channel: 'whatsapp', messages: 5, share: 0.6, medianReplySeconds: 60 },
    { channel: 'phone', messages: 3, share: 0.4, medianReplySeconds: null },
  ];
  assert.deepEqual(channelChoices(stats, 'sms'), ['web', 'email', 'whatsapp', 'telegram', 'messenger', 'instagram', 'sms', 'phone']);
  assert.equal(learnedChannel(stats), 'whatsapp');
  assert.equal(learnedChannel([{ channel: 'web', messages: 0, share: 0, medianReplySeconds: null }]), null);
});
