import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeHref, splitLinks } from './text-links.ts';

test('http and https URLs become links; trailing punctuation stays text', () => {
  assert.deepEqual(splitLinks('See https://example.com/a?b=1. Thanks'), [
    { kind: 'text', text: 'See ' },
    { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
    { kind: 'text', text: '. Thanks' },
  ]);
});

test('javascript:, data: and markup are never links', () => {
  const text = 'javascript:alert(1) data:text/html,<b>x</b> <img src=x onerror=alert(1)>';
  assert.deepEqual(splitLinks(text), [{ kind: 'text', text }]);
  assert.equal(safeHref('javascript:alert(1)'), null);
  assert.equal(safeHref('JaVaScRiPt:alert(1)'), null);
});

test('quotes end a URL so it cannot smuggle attributes', () => {
  const parts = splitLinks('go http://a.example/"onmouseover="x');
  assert.deepEqual(parts[1], { kind: 'link', text: 'http://a.example/', href: 'http://a.example/' });
  assert.equal(parts.map((p) => p.text).join(''), 'go http://a.example/"onmouseover="x');
});

test('text without URLs is one part; empty text none', () => {
  assert.deepEqual(splitLinks('hola'), [{ kind: 'text', text: 'hola' }]);
  assert.deepEqual(splitLinks(''), []);
});
