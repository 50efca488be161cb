import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MotivationView } from '../../api/customer-profile-types.ts';
import { translate } from '../../i18n/translate.ts';
import { inferredReasons, MOTIVATIONS, motivationKey } from './motivation-reasons.ts';

test('the reasons shown are those of the inferred motivation, newest first', () => {
  const view: MotivationView = {
    motivation: 'relationship',
    source: 'employee',
    note: null,
    chosenAt: null,
    chosenBy: null,
    inferred: {
      motivation: 'technical',
      scores: { advice: 0.1, technical: 0.7, relationship: 0.2 },
      messagesRead: 9,
      reasons: [
        { motivation: 'technical', kind: 'phrase', cue: 'ficha técnica', messageId: 'm1', conversationId: 'c1', excerpt: '¿Me pasas la ficha técnica?', at: '2026-03-01T10:00:00Z' },
        { motivation: 'advice', kind: 'phrase', cue: 'qué me recomiendas', messageId: 'm2', conversationId: 'c1', excerpt: null, at: '2026-03-03T10:00:00Z' },
        { motivation: 'technical', kind: 'phrase', cue: 'consumo', messageId: 'm3', conversationId: 'c2', excerpt: 'el consumo en vatios', at: '2026-03-02T10:00:00Z' },
      ],
    },
  };
  assert.deepEqual(
    inferredReasons(view).map((r) => r.messageId),
    ['m3', 'm1'],
  );
  assert.deepEqual(inferredReasons({ ...view, inferred: { ...view.inferred, motivation: null } }), []);
});

test('each motivation has its label in both languages', () => {
  assert.deepEqual(MOTIVATIONS.map((m) => translate('es', motivationKey(m))), ['Quiere consejo', 'Se fija en los detalles técnicos', 'Busca una relación duradera']);
  assert.deepEqual(MOTIVATIONS.map((m) => translate('en', motivationKey(m))), ['Wants advice', 'Focuses on technical details', 'Seeks a lasting relationship']);
});
