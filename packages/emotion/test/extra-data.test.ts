import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadExtraTsv } from '../src/training/datasets.loader.ts';
import { noticeText } from '../src/training/notice.text.ts';

// The corrections export (npm run emotion:corrections) must be readable as training data as it is.
test('training reads exported corrections with --extra: labels, languages and line breaks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emotion-extra-'));
  const file = join(dir, 'corrections.tsv');
  writeFileSync(
    file,
    [
      'text\temotion\tpolarity\tpredicted\tlanguage\tcorrected_at',
      'Me habéis dejado sin palabras\tjoy\tpositive\tsurprise\tes\t2026-11-23T10:00:00.000Z',
      'Still waiting.\\nThird time I ask\tanger\tnegative\tneutral\ten\t2026-11-23T10:01:00.000Z',
      'Bonjour\tneutral\tneutral\tneutral\tfr\t2026-11-23T10:02:00.000Z',
      'Nope\tfurious\tnegative\tanger\ten\t2026-11-23T10:03:00.000Z',
    ].join('\n') + '\n',
  );
  const rows = loadExtraTsv(file);
  assert.deepEqual(
    rows.map((r) => [r.label, r.language, r.text, r.source]),
    [
      ['joy', 'es', 'Me habéis dejado sin palabras', 'extra'],
      ['anger', 'en', 'Still waiting.\nThird time I ask', 'extra'],
    ],
  );
  assert.throws(() => loadExtraTsv(join(dir, 'missing.tsv')), /no file/);
  writeFileSync(join(dir, 'bad.tsv'), 'text\tlabel\nhola\tjoy\n');
  assert.throws(() => loadExtraTsv(join(dir, 'bad.tsv')), /needs the columns text, emotion and language/);
  assert.match(noticeText(false, false, 2), /Also 2 rows labelled by the deploying organisation's employees/);
  assert.doesNotMatch(noticeText(false, false), /deploying organisation/);
});
