import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translate } from '../../i18n/translate.ts';
import type { MessageKey } from '../../i18n/i18n.types.ts';
import { formatDuration, formatKpi } from './kpi-format.ts';

const es = (key: MessageKey, vars?: Record<string, string | number>) => translate('es', key, vars);
const en = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);

test('durations pick the unit a person reads: seconds, minutes, hours, days', () => {
  assert.equal(formatDuration(45, en, 'en'), '45 s');
  assert.equal(formatDuration(1950, es, 'es'), '32,5 min');
  assert.equal(formatDuration(86_400, en, 'en'), '24 h');
  assert.equal(formatDuration(2_160_000, en, 'en'), '25 d');
  assert.equal(formatDuration(1950, en, 'en', 0), '33 min');
});

test('figures by unit, and no figure is a dash rather than 0', () => {
  assert.equal(formatKpi(66.7, 'percent', 'es', es), '66,7 %');
  assert.equal(formatKpi(-11.1, 'score', 'en', en), '-11.1');
  assert.equal(formatKpi(0.5, 'percent', 'en', en, { kpi: 'bond_concentration' }), '0.5');
  assert.equal(formatKpi(null, 'seconds', 'en', en), '—');
  assert.equal(formatKpi(0, 'percent', 'en', en), '0 %');
});
