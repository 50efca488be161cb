import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../src/cli/emotion.cli.ts', import.meta.url));
const run = (args: string[], input = '') =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { input, encoding: 'utf8' });

describe('emotion CLI', () => {
  it('predict: one JSON line per input line, in order, with \\n as a line break', () => {
    const input = ['Muchas gracias, todo perfecto', '', 'I am furious,\\nnobody answers', 'Hola'].join('\n') + '\n';
    const result = run(['predict'], input);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 4);
    for (const line of lines) for (const key of ['language', 'emotion', 'polarity', 'intensity', 'alert']) assert.ok(key in line);
    assert.equal(lines[0]?.emotion, 'joy');
    assert.equal(lines[1]?.emotion, 'neutral');
    assert.equal(lines[2]?.emotion, 'anger');
    assert.equal(lines[2]?.alert, true);
    assert.equal(lines[3]?.language, 'es');
  });

  it('evaluate: prints the figures, and alert P/R from the alert column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emotion-cli-'));
    const file = join(dir, 'set.tsv');
    writeFileSync(file, 'text\temotion\talert\nMuchas gracias, todo perfecto\tjoy\tfalse\nEstoy harto, nadie me responde\tanger\ttrue\n');
    const result = run(['evaluate', file]);
    assert.equal(result.status, 0, result.stderr);
    for (const needle of ['accuracy 1.000', 'weighted-F1', 'macro-F1', 'precision', 'confusion', 'alert: precision 1.000  recall 1.000']) {
      assert.ok(result.stdout.includes(needle), `missing "${needle}" in\n${result.stdout}`);
    }
  });

  it('evaluate: bad input gives a clear message and a non-zero exit, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emotion-cli-'));
    const noColumns = join(dir, 'a.tsv');
    writeFileSync(noColumns, 'message\tlabel\nhola\tjoy\n');
    const badLabel = join(dir, 'b.tsv');
    writeFileSync(badLabel, 'text\temotion\nhola\thappy\n');
    for (const [args, needle] of [
      [['evaluate', join(dir, 'missing.tsv')], 'file not found'],
      [['evaluate', noColumns], '"text" and an "emotion" column'],
      [['evaluate', badLabel], 'unknown emotion "happy"'],
      [['frobnicate'], 'unknown command'],
    ] as const) {
      const result = run([...args]);
      assert.notEqual(result.status, 0);
      assert.ok(result.stderr.includes(needle), result.stderr);
      assert.ok(!result.stderr.includes('    at '), result.stderr);
    }
  });
});
