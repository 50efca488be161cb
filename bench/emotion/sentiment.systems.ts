import { createRequire } from 'node:module';
import type { Polarity } from '../../packages/emotion/src/index.ts';

/** One polarity classifier under test; `load` is timed separately from `predict`. */
export type PolaritySystem = {
  name: string;
  load: () => Promise<(text: string, language: 'es' | 'en') => Polarity | Promise<Polarity>>;
};

// The comparison libraries are devDependencies of packages/emotion; resolve them from there.
const require = createRequire(new URL('../../packages/emotion/package.json', import.meta.url));

const sign = (score: number, threshold = 0): Polarity => (score > threshold ? 'positive' : score < -threshold ? 'negative' : 'neutral');

export const SYSTEMS: PolaritySystem[] = [
  {
    name: 'vinculo',
    load: async () => {
      const { loadEmotionModel } = await import('../../packages/emotion/src/index.ts');
      const model = loadEmotionModel();
      // Cues on, as the server will call it.
      return (text) => model.analyze(text).polarity;
    },
  },
  {
    name: 'sentiment (AFINN, en)',
    load: async () => {
      const Sentiment = require('sentiment') as new () => { analyze: (text: string) => { score: number } };
      const analyzer = new Sentiment();
      return (text) => sign(analyzer.analyze(text).score);
    },
  },
  {
    name: 'vader-sentiment (en)',
    load: async () => {
      const vader = (await import('vader-sentiment')).SentimentIntensityAnalyzer;
      // ±0.05 on the compound score is VADER's own recommended neutral band.
      return (text) => sign(vader.polarity_scores(text).compound, 0.05);
    },
  },
  {
    name: '@nlpjs/sentiment (es, en)',
    load: async () => {
      const { containerBootstrap } = await import('@nlpjs/core');
      const { SentimentAnalyzer } = await import('@nlpjs/sentiment');
      const { LangEs } = await import('@nlpjs/lang-es');
      const { LangEn } = await import('@nlpjs/lang-en');
      const container = await containerBootstrap();
      container.use(LangEs);
      container.use(LangEn);
      const analyzer = new SentimentAnalyzer({ container });
      return async (text, language) => sign((await analyzer.process({ locale: language, text })).sentiment.score);
    },
  },
  {
    name: 'natural (senticon es / afinn en)',
    load: async () => {
      // natural ships its types as .ts sources that do not compile under this repo's settings: describe what we use.
      type Analyzer = { getSentiment: (words: string[]) => number };
      type Tokenizer = { tokenize: (text: string) => string[] };
      const natural = require('natural') as {
        SentimentAnalyzer: new (language: string, stemmer: undefined, vocabulary: string) => Analyzer;
        AggressiveTokenizerEs: new () => Tokenizer;
        WordTokenizer: new () => Tokenizer;
      };
      const spanish = new natural.SentimentAnalyzer('Spanish', undefined, 'senticon');
      const english = new natural.SentimentAnalyzer('English', undefined, 'afinn');
      const tokenizer = new natural.AggressiveTokenizerEs();
      const englishTokenizer = new natural.WordTokenizer();
      return (text, language) =>
        language === 'es'
          ? sign(spanish.getSentiment(tokenizer.tokenize(text.toLowerCase())) || 0)
          : sign(english.getSentiment(englishTokenizer.tokenize(text.toLowerCase())) || 0);
    },
  },
];
