// Minimal types for the comparison libraries that ship none; only what the benchmark calls.
declare module 'vader-sentiment' {
  export const SentimentIntensityAnalyzer: {
    polarity_scores: (text: string) => { neg: number; neu: number; pos: number; compound: number };
  };
}

declare module '@nlpjs/core' {
  export type Container = { use: (plugin: unknown) => void };
  export function containerBootstrap(): Promise<Container>;
}

declare module '@nlpjs/sentiment' {
  import type { Container } from '@nlpjs/core';
  export class SentimentAnalyzer {
    constructor(settings: { container: Container });
    process(input: { locale: string; text: string }): Promise<{ sentiment: { score: number; vote: string } }>;
  }
}

declare module '@nlpjs/lang-es' {
  export const LangEs: unknown;
}

declare module '@nlpjs/lang-en' {
  export const LangEn: unknown;
}
