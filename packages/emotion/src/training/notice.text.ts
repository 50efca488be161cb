/** The NOTICE shipped beside the model: every data source the weights were learnt from, with licence and citation. */
export const noticeText = (permissiveOnly: boolean, spanishXed: boolean, extraRows = 0): string => `Vínculo emotion model — data sources
=====================================

The weights in this folder were learnt by packages/emotion/src/training/train.cli.ts
(${permissiveOnly ? 'npm run emotion:train -- --permissive-only' : 'npm run emotion:train'}) from the data below.
The customer-service lexicon and rules (packages/emotion/src/lexicon) were written for Vínculo.
${extraRows ? `Also ${extraRows} rows labelled by the deploying organisation's employees (--extra), under its own terms.\n` : ''}${permissiveOnly ? '' : `
EmoEvent (Spanish and English tweets), EmoEvalEs@IberLEF 2021 train split
  Source: https://github.com/fmplaza/EmoEvent (commit f55f01c78e77fb2c711b40f3ff6925f605bc5101)
  Licence: unclear. The author's Hugging Face release declares Apache-2.0; the research group's
  mirror (SINAI/EmoEvent) declares CC BY-NC-SA 4.0. To ship a model without it, rebuild with
  "npm run emotion:train -- --permissive-only".
  Citation: Plaza-del-Arco, Strapparava, Ureña-López, Martín-Valdivia. "EmoEvent: A Multilingual
  Emotion Corpus based on different Events". LREC 2020, pp. 1492-1498. And: Plaza-del-Arco et al.,
  "Overview of the EmoEvalEs task on emotion detection for Spanish at IberLEF 2021",
  Procesamiento del Lenguaje Natural 67.
`}
GoEmotions (English Reddit comments), train split, with the authors' Ekman mapping
  Source: https://github.com/google-research/google-research/tree/master/goemotions
  Licence: Apache-2.0
  Citation: Demszky, Movshovitz-Attias, Ko, Cowen, Nemade, Ravi. "GoEmotions: A Dataset of
  Fine-Grained Emotions". ACL 2020, pp. 4040-4054.

XED (English annotated subtitles, English neutral${spanishXed ? ', Spanish projections' : ''}), 9/10 of each file
  (a row is held out for dev when hash(text) % 10 === 0)
  Source: https://github.com/Helsinki-NLP/XED (commit 76666d251f147cf518071bef4f8415dab6b96115)
  Licence: CC BY 4.0
  Citation: Öhman, Pàmies, Kajava, Tiedemann. "XED: A Multilingual Dataset for Sentiment Analysis
  and Emotion Detection". COLING 2020.
`;
