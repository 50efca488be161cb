import assert from 'node:assert/strict';
import { test } from 'node:test';
import { embedFromScript } from './embed.ts';

const script = (src: string, workspace: string | null) => ({ src, getAttribute: (n: string) => (n === 'data-workspace' ? workspace : null) });

test('the API origin comes from the script src, never from the host page', () => {
  assert.deepEqual(embedFromScript(script('https://chat.vinculo.example:8443/widget.js?v=2', 'wk_abc'), 'https://shop.example.com/cart'), {
    origin: 'https://chat.vinculo.example:8443',
    workspace: 'wk_abc',
  });
});

test('a relative src resolves against the page, and a tag without data-workspace is ignored', () => {
  assert.equal(embedFromScript(script('/widget.js', 'k'), 'http://localhost:3400/demo')?.origin, 'http://localhost:3400');
  assert.equal(embedFromScript(script('https://x.example/widget.js', null), 'https://a.example/'), null);
  assert.equal(embedFromScript(script('https://x.example/widget.js', '  '), 'https://a.example/'), null);
  assert.equal(embedFromScript(null, 'https://a.example/'), null);
});
