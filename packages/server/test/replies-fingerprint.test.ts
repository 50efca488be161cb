import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BANDS,
  CANNED_THRESHOLD,
  estimateJaccard,
  fingerprintReply,
  jaccard,
  minhash,
  normaliseReply,
  shingles,
  signatureFromBytes,
  signatureToBytes,
} from '../src/modules/replies/reply-fingerprint.ts';
import { fillTemplate, unknownPlaceholders } from '../src/modules/replies/snippet-template.ts';
import { labelledPairs } from './replies-pairs.data.ts';

describe('Reply fingerprints (pure)', () => {
  test('normalisation drops case, accents, links, numbers, order codes and the customer’s name', () => {
    const a = normaliseReply('Hola Ana García, tu pedido #A-10234 está en https://track.example/x?id=9 — escríbenos a ayuda@tienda.es', ['Ana García']);
    const b = normaliseReply('hola LUIS, Tu Pedido PED-88812 esta en www.track.example/y', ['Luis Pérez']);
    assert.deepEqual(a.words, ['hola', 'tu', 'pedido', 'esta', 'en', 'escribenos', 'a']);
    assert.deepEqual(b.words, a.words.slice(0, 5));
    assert.equal(a.language, 'es');
    assert.equal(normaliseReply('Hi John, your order has shipped and is on its way').language, 'en');
  });

  test('a capitalised word right after a greeting is taken as a name, even when the profile has none', () => {
    assert.deepEqual(normaliseReply('Buenos días Carmen, gracias Carmen').words, ['buenos', 'dias', 'gracias']);
    assert.deepEqual(normaliseReply('Hi Emily, thanks').words, ['hi', 'thanks']);
  });

  test('replies differing only in the name and an order number have identical signatures', () => {
    const a = fingerprintReply('Hola Ana, tu pedido 10234 ha salido de nuestro almacén y lo recibirás mañana por la tarde sin falta.', ['Ana Ruiz']);
    const b = fingerprintReply('Hola Luis, tu pedido 88812 ha salido de nuestro almacén y lo recibirás mañana por la tarde sin falta.', ['Luis Pérez']);
    assert.ok(a.signature && b.signature);
    assert.equal(estimateJaccard(a.signature, b.signature), 1);
    assert.deepEqual(a.bands, b.bands);
    assert.equal(a.bands.length, BANDS);
  });

  test('short replies are never judged', () => {
    for (const text of ['Gracias', 'Ok', '¡Gracias, Ana! Un saludo', 'Let me check and get back to you', 'Lo reviso y te digo']) {
      assert.equal(fingerprintReply(text, ['Ana']).signature, null, text);
    }
  });

  test('the MinHash estimate stays close to the true Jaccard similarity', () => {
    const errors: number[] = [];
    for (const p of labelledPairs()) {
      const a = normaliseReply(p.a, p.namesA);
      const b = normaliseReply(p.b, p.namesB);
      const sa = shingles(a);
      const sb = shingles(b);
      if (!sa.size || !sb.size) continue;
      errors.push(Math.abs(estimateJaccard(minhash(sa), minhash(sb)) - jaccard(sa, sb)));
    }
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
    // 128 permutations: the standard error is at most 0.044.
    assert.ok(mean < 0.03, `mean absolute error ${mean.toFixed(3)}`);
    assert.ok(Math.max(...errors) < 0.15, `max error ${Math.max(...errors).toFixed(3)}`);
  });

  test('on the labelled Spanish and English pairs the guard keeps precision and recall high', () => {
    for (const language of ['es', 'en'] as const) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const p of labelledPairs().filter((x) => x.language === language)) {
        const a = fingerprintReply(p.a, p.namesA);
        const b = fingerprintReply(p.b, p.namesB);
        // What the index finds: at least one shared band, then the estimate over the threshold.
        const found = !!a.signature && !!b.signature && a.bands.some((k) => b.bands.includes(k)) && estimateJaccard(a.signature, b.signature) >= CANNED_THRESHOLD;
        if (found && p.nearDuplicate) tp++;
        else if (found) fp++;
        else if (p.nearDuplicate) fn++;
      }
      const precision = tp / (tp + fp);
      const recall = tp / (tp + fn);
      assert.ok(precision >= 0.95, `${language} precision ${precision.toFixed(2)}`);
      assert.ok(recall >= 0.9, `${language} recall ${recall.toFixed(2)}`);
    }
  });

  test('signatures survive the trip through bytea at any byte offset', () => {
    const sig = minhash(['a', 'b', 'c']);
    const bytes = signatureToBytes(sig);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    assert.deepEqual(signatureFromBytes(shifted.subarray(3)), sig);
  });

  test('snippet placeholders: unknown ones are reported, missing values stay as visible gaps', () => {
    assert.deepEqual(unknownPlaceholders('Hola {firstName}, {foo} {attr.city} {bar.baz} { not one }'), ['foo', 'bar.baz']);
    const filled = fillTemplate('Hola {firstName}, tu pedido {lastOrder} sale hoy. {agentName}', (p) => ({ firstName: 'Ana', agentName: 'Marta' })[p] ?? null);
    assert.equal(filled.text, 'Hola Ana, tu pedido [[lastOrder]] sale hoy. Marta');
    assert.equal(filled.complete, false);
    assert.deepEqual(filled.gaps, [{ placeholder: 'lastOrder', start: 20, end: 33 }]);
    assert.equal(filled.text.slice(20, 33), '[[lastOrder]]');
    assert.deepEqual(filled.values, { firstName: 'Ana', lastOrder: null, agentName: 'Marta' });
  });
});
