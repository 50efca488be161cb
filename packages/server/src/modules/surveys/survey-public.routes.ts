import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/db/database.types.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { SurveyLinkError, submitAnswer, surveyForm } from './survey-answer.service.ts';
import { formPage, fromAcceptLanguage, problemPage, thanksPage } from './survey-page.ts';
import { answerBody, tokenParams } from './survey.schema.ts';

const tags = ['surveys'];
const langQuery = z.object({ lang: z.enum(['es', 'en']).optional() });
const answerRate = { max: 30, timeWindow: 60_000 };

type Issue = { path: string; message: string };

// ?lang= (the page's own switch) wins, then the customer's known language, then the browser's.
const chooseLocale = (req: FastifyRequest, lang: Locale | undefined) => (customer: Locale | null, survey: Locale): Locale =>
  lang ?? customer ?? fromAcceptLanguage(req.headers['accept-language']) ?? survey;

// The page's language: ?lang=, else the survey's when the link was ours, else the browser's.
function sendProblem(reply: FastifyReply, err: unknown, req: FastifyRequest, lang: Locale | undefined) {
  if (err instanceof SurveyLinkError) {
    const locale = lang ?? err.locale ?? fromAcceptLanguage(req.headers['accept-language']) ?? 'es';
    return reply.code(err.status).type('text/html; charset=utf-8').send(problemPage(locale, err.text(locale)));
  }
  throw err;
}

// The page a survey link opens (no login: the signed token is the credential), and the same
// survey as JSON for the widget.
export const surveyPageRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // A plain HTML form posts url-encoded fields; only this plugin accepts them.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    app.get('/s/:token', { schema: { hide: true, params: tokenParams, querystring: langQuery } }, async (req, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      try {
        const form = await surveyForm(ctx, req.params.token, chooseLocale(req, req.query.lang));
        return reply.type('text/html; charset=utf-8').send(formPage(form, `/s/${req.params.token}`));
      } catch (err) {
        return sendProblem(reply, err, req, req.query.lang);
      }
    });

    // Anything else under /s/ (a token too long to be ours, a path cut or pasted wrong) is a bad link, not the web app.
    app.route({
      method: ['GET', 'POST'],
      url: '/s/*',
      schema: { hide: true, querystring: langQuery },
      handler: async (req, reply) => sendProblem(reply.header('cache-control', 'no-store'), new SurveyLinkError('invalid'), req, req.query.lang),
    });

    app.post('/s/:token', { config: { rateLimit: answerRate }, schema: { hide: true, params: tokenParams, querystring: langQuery } }, async (req, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      const { stop, ...values } = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
      try {
        const form = await surveyForm(ctx, req.params.token, chooseLocale(req, req.query.lang));
        try {
          await submitAnswer(ctx, req.params.token, values, stop === 'yes');
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
          const issues = (err.details ?? []) as Issue[];
          const errors = Object.fromEntries(issues.map((i) => [i.path.replace(/^body\.?/, '') || 'body', i.message]));
          return reply.code(400).type('text/html; charset=utf-8').send(formPage(form, `/s/${req.params.token}`, { ...values, ...(stop ? { stop } : {}) }, errors));
        }
        return reply.type('text/html; charset=utf-8').send(thanksPage(form.locale, form.company));
      } catch (err) {
        return sendProblem(reply, err, req, req.query.lang);
      }
    });
  };

export const surveyApiRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/widget/surveys/:token',
      {
        schema: {
          tags,
          summary: 'A survey by its link token: the questions in the language asked for',
          description: 'No login: the signed token is the credential. Forged: 403; expired or closed: 410; already answered: 409.',
          params: tokenParams,
          querystring: langQuery,
        },
      },
      async (req) => surveyForm(ctx, req.params.token, chooseLocale(req, req.query.lang)),
    );

    // A token too long to be ours never reaches the routes above: the same 403 as any forged one.
    app.route({ method: ['GET', 'POST'], url: '/widget/surveys/*', schema: { hide: true }, handler: async () => Promise.reject(new SurveyLinkError('invalid')) });

    app.post(
      '/widget/surveys/:token/answers',
      {
        config: { rateLimit: answerRate },
        schema: {
          tags,
          summary: 'Answer a survey (once per token)',
          description:
            'Scores as whole numbers within each question\'s scale (CSAT 1–5, NPS 0–10, CES 1–7) and open answers as text, keyed by question id. ' +
            'Exit surveys take `reason` (one of the listed reasons) and `text`. `stopSurveys: true` records that the customer wants no more ' +
            'surveys (their consent). A second answer is a 409; forged 403; expired 410.',
          params: tokenParams,
          body: answerBody,
        },
      },
      async (req, reply) => {
        const { stopSurveys, ...answers } = req.body;
        return reply.code(201).send(await submitAnswer(ctx, req.params.token, answers as Record<string, number | string>, stopSurveys === true));
      },
    );
  };
