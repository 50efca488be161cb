import assert from 'node:assert/strict';
import { test } from 'node:test';
import { widgetSnippet } from './widget-snippet.ts';

test('the snippet points at the widget on this origin with the workspace key', () => {
  assert.equal(
    widgetSnippet('https://help.example.com', 'pk_abc123'),
    '<script src="https://help.example.com/widget.js" data-workspace="pk_abc123" async></script>',
  );
});

test('a key with quotes cannot break out of the attribute', () => {
  assert.match(widgetSnippet('http://x', 'a"><script>'), /data-workspace="a&quot;>&lt;script>"/);
});
