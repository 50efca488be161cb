import { parseArgs } from 'node:util';
import { loadEmotionModel } from '../emotion.model.ts';
import { InputError } from '../evaluation/labelled-tsv.reader.ts';
import { runEvaluate } from './evaluate.command.ts';
import { runPredict } from './predict.command.ts';

const USAGE = `usage:
  npm run -s emotion -- predict [--language es|en] [--model DIR]   < messages.txt   (one message per line, "\\n" = line break)
  npm run -s emotion -- evaluate FILE [--language es|en] [--model DIR]   (TSV with text and emotion columns; optional polarity, alert)`;

const fail = (message: string): never => {
  console.error(`emotion: ${message}\n${USAGE}`);
  process.exit(2);
};

const main = async (): Promise<void> => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { language: { type: 'string' }, model: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [command, ...rest] = positionals;
  if (values.language !== undefined && values.language !== 'es' && values.language !== 'en') {
    return fail(`--language must be es or en, got "${values.language}"`);
  }
  let model;
  try {
    model = loadEmotionModel(values.model);
  } catch (error) {
    return fail(`cannot load the model: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (command === 'predict') {
    if (rest.length > 0) return fail(`predict reads standard input; unexpected argument "${rest[0]}"`);
    await runPredict(model, values.language);
  } else if (command === 'evaluate') {
    const [file, extra] = rest;
    if (file === undefined) return fail('evaluate needs a FILE');
    if (extra !== undefined) return fail(`unexpected argument "${extra}"`);
    runEvaluate(model, file, values.language);
  } else {
    fail(command === undefined ? 'missing command' : `unknown command "${command}"`);
  }
};

main().catch((error: unknown) => {
  if (error instanceof InputError) fail(error.message);
  console.error(`emotion: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
