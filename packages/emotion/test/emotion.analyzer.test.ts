import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, EMOTIONS, loadEmotionModel } from '../src/index.ts';

const negative = (text: string) => {
  const r = analyze(text);
  return r.probabilities.anger + r.probabilities.disgust + r.probabilities.fear + r.probabilities.sadness;
};

describe('analyze: customer-service language from the issue', () => {
  it('reads negated satisfaction as unhappy and raises an alert', () => {
    const r = analyze('No estoy nada contento con el servicio');
    assert.equal(r.language, 'es');
    assert.equal(r.polarity, 'negative');
    assert.equal(r.alert, true);
    assert.ok(r.cues.some((c) => c.kind === 'negation'), JSON.stringify(r.cues));
  });

  it('reads "not bad at all" as positive', () => {
    const r = analyze('Not bad at all, it works better than I expected');
    assert.equal(r.polarity, 'positive');
    assert.equal(r.alert, false);
  });

  it('sees the sarcasm in "genial, otra vez sin internet 🙃"', () => {
    const r = analyze('Genial, otra vez sin internet 🙃');
    assert.equal(r.emotion, 'anger');
    assert.equal(r.alert, true);
    assert.ok(r.cues.some((c) => c.kind === 'sarcasm'));
  });

  it('calls disappointment sadness', () => {
    assert.equal(analyze('Esperaba más de ustedes, me decepcionó').emotion, 'sadness');
    assert.equal(analyze('Really disappointed, I expected more').emotion, 'sadness');
  });

  it('calls worry about money, data or access fear', () => {
    for (const text of [
      'Me cobraron dos veces y estoy preocupada por mi dinero',
      "Someone logged into my account, I'm scared they will use my card",
    ]) {
      const r = analyze(text);
      assert.equal(r.emotion, 'fear', text);
      assert.equal(r.alert, true, text);
    }
  });

  it('calls thanks and relief joy, without an alert', () => {
    for (const text of ['¡Muchas gracias! Ya funciona todo perfecto', 'Phew, what a relief, thank you so much']) {
      const r = analyze(text);
      assert.equal(r.emotion, 'joy', text);
      assert.equal(r.polarity, 'positive', text);
      assert.equal(r.alert, false, text);
    }
  });

  it('flags a customer about to leave even when calm', () => {
    assert.equal(analyze('Quiero darme de baja').alert, true);
    assert.equal(analyze('Please cancel my subscription, I am switching to another provider').alert, true);
  });

  it('reads missing accents, stretched letters and shouting', () => {
    assert.ok(negative('estoy hartooo, es una verguenza') > 0.6);
    const shout = analyze('ES LA TERCERA VEZ QUE LLAMO');
    assert.equal(shout.alert, true);
    assert.ok(shout.cues.some((c) => c.kind === 'caps'));
  });

  it('stays calm on plain questions', () => {
    for (const text of ['¿Me podéis enviar la factura de marzo?', 'Could you update my shipping address please?']) {
      assert.equal(analyze(text).alert, false, text);
    }
  });
});

describe('analyze: languages and robustness', () => {
  it('marks other languages unsupported instead of guessing', () => {
    for (const [text, code] of [
      ['Obrigado pelo atendimento, foi muito bom', 'pt'],
      ['Merci beaucoup pour votre aide', 'fr'],
      ['Спасибо за помощь', 'ru'],
    ] as const) {
      const r = analyze(text);
      assert.equal(r.language, code, text);
      assert.equal(r.supported, false, text);
      assert.equal(r.emotion, 'neutral', text);
    }
  });

  it('gives a calm message in an unsupported language valence 0 and low intensity, but still reads its emoji', () => {
    for (const text of ['Bonjour, je voudrais annuler', 'Olá, quero cancelar a minha conta', 'Guten Tag, ich möchte kündigen', 'Привет, как дела']) {
      const r = analyze(text);
      assert.equal(r.supported, false, text);
      assert.equal(r.valence, 0, text);
      assert.equal(r.polarity, 'neutral', text);
      assert.ok(r.intensity <= 0.1, `${text}: intensity ${r.intensity}`);
      assert.equal(r.alert, false, text);
    }
    const smiling = analyze('Merci beaucoup pour votre aide 😀');
    assert.equal(smiling.supported, false);
    assert.ok(smiling.valence > 0.3, `valence ${smiling.valence}`);
  });

  it('reads English public posts (hashtags, mentions) with their own head, chats with the general one', () => {
    const { manifest } = loadEmotionModel();
    assert.ok(manifest.social, 'the committed model has social heads');
    assert.notEqual(manifest.social.en.offset, manifest.languages.en.offset);
    // Spanish has tweets only: its general model is its social head, stored once.
    assert.equal(manifest.social.es.offset, manifest.languages.es.offset);
    const chat = analyze('I am so angry, nobody answers me');
    const post = analyze('@acme I am so angry, nobody answers me #fail');
    assert.equal(chat.polarity, 'negative');
    assert.equal(post.polarity, 'negative');
    assert.notDeepEqual(chat.probabilities, post.probabilities);
  });

  it('honours a language hint', () => {
    assert.equal(analyze('ok', { language: 'es' }).language, 'es');
  });

  it('never throws and always returns a well-formed result', () => {
    const inputs = ['', ' ', '\n\n', '😡😡😡', '🎉', 'a'.repeat(200_000), '\u0000\uffff\ud800 garbage \udfff', 'constructor __proto__ toString', '!!!???...'];
    for (const text of inputs) {
      const r = analyze(text);
      const sum = EMOTIONS.reduce((a, e) => a + r.probabilities[e], 0);
      assert.ok(Math.abs(sum - 1) < 0.01, `probabilities sum to ${sum} for ${JSON.stringify(text.slice(0, 20))}`);
      assert.ok(r.valence >= -1 && r.valence <= 1);
      assert.ok(r.intensity >= 0 && r.intensity <= 1);
    }
    assert.equal(analyze('😡😡😡').emotion, 'anger');
    assert.equal(analyze('').emotion, 'neutral');
  });

  it('analyses a long message quickly', () => {
    const text = 'No funciona nada y nadie responde. '.repeat(5000);
    const start = performance.now();
    analyze(text);
    assert.ok(performance.now() - start < 50);
  });
});
