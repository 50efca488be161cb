import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams } from '../../platform/http/common.schema.ts';
import { page } from '../../platform/http/cursor.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { listScans, recordedScan } from './duplicate-scan.service.ts';
import { dismissDuplicate, getDuplicate, listDuplicates, pairOf } from './duplicate.service.ts';
import { duplicateListQuery, mergeBody, scanBody, scanListQuery } from './merge.schema.ts';
import { getMerge, listMerges, mergeCustomers, unmergeCustomers } from './merge.service.ts';

const tags = ['customers'];

export const customerMergeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);

    app.get(
      '/customers/duplicates',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: 'Probable duplicates to review, newest first',
          description:
            'Each proposal pairs two customers with its reasons (same email or phone, names 82 % alike, same company domain…), ' +
            'in words in Spanish and English, and a score from 0 to 1. Merge the pair with POST /api/customers/{id}/merge or dismiss it.',
          querystring: duplicateListQuery,
        },
      },
      async (req) => {
        const me = employeeOf(req);
        const items = await listDuplicates(scopeOf(me.workspaceId), { ...req.query, cursor: req.query.cursor });
        return page(items, req.query.limit, (d) => d.createdAt);
      },
    );

    app.post(
      '/customers/duplicates/scan',
      {
        config: { auth: 'employee', roles: ['admin', 'manager'] },
        schema: {
          tags,
          summary: 'Look for probable duplicates among all customers of the workspace',
          description:
            'Names that share two words (accents and case aside) are compared with pg_trgm similarity; shared emails, phones and ' +
            'phone identities are found through their indexes. Customers are compared in batches of 1,000 with set-based queries. ' +
            'Open proposals are refreshed; dismissed ones stay dismissed. One scan per workspace runs at a time (another is a 409); ' +
            'each is listed under `GET /api/customers/duplicates/scans`.',
          body: scanBody.optional(),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return recordedScan(scopeOf(me.workspaceId), 'manual', { minNameSimilarity: req.body?.minNameSimilarity });
      },
    );

    app.get(
      '/customers/duplicates/scans',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: 'The latest duplicate scans, newest first',
          description: 'Manual ones and those the server runs on schedule (VINCULO_DUPLICATE_SCAN_HOURS, default every 24 h when customers changed).',
          querystring: scanListQuery,
        },
      },
      async (req) => ({ items: await listScans(scopeOf(employeeOf(req).workspaceId), req.query.limit) }),
    );

    app.get('/customers/duplicates/:id', { config: { auth: 'employee' }, schema: { tags, summary: 'One duplicate proposal', params: idParams } }, async (req) => {
      const me = employeeOf(req);
      return getDuplicate(scopeOf(me.workspaceId), req.params.id);
    });

    app.post(
      '/customers/duplicates/:id/dismiss',
      { config: { auth: 'employee' }, schema: { tags, summary: 'Dismiss a proposal: the two are different people', params: idParams } },
      async (req) => {
        const me = employeeOf(req);
        return dismissDuplicate(scopeOf(me.workspaceId), actorOf(me), req.params.id);
      },
    );

    app.post(
      '/customers/:id/merge',
      {
        config: { auth: 'employee' },
        schema: {
          tags,
          summary: 'Merge another customer into this one, choosing field by field',
          description:
            'The customer in the path survives. Identities, conversations (with their messages), suggestions, reminders, timeline, orders (the value is recomputed) and consent decisions ' +
            'of the absorbed customer move to it, and its mood is replayed from all their messages. The email or phone that does not ' +
            'survive is kept as an identity. The merge is recorded and audited and can be undone with ' +
            'POST /api/customers/merges/{id}/unmerge. Merging a customer with itself is a 400; a customer of another workspace is ' +
            'a 404; a customer already merged away is a 409.',
          params: idParams,
          body: mergeBody,
        },
      },
      async (req) => {
        const me = employeeOf(req);
        const scope = scopeOf(me.workspaceId);
        const { absorbedId, fields, attributes, proposalId } = req.body;
        if (proposalId) {
          const proposal = await getDuplicate(scope, proposalId);
          const [a, b] = pairOf(req.params.id, absorbedId);
          if (proposal.customers.map((c) => c.id).join() !== [a, b].join()) {
            throw new AppError('validation_failed', 'That proposal is about other customers', [{ path: 'body.proposalId', message: 'does not pair these two customers' }]);
          }
        }
        const outcome = await mergeCustomers(ctx, scope, actorOf(me), { survivorId: req.params.id, absorbedId, kind: 'manual', choices: { fields, attributes }, proposalId });
        return { merge: outcome.merge, customer: outcome.survivor };
      },
    );

    app.get(
      '/customers/:id/merges',
      { config: { auth: 'employee' }, schema: { tags, summary: "A customer's merges, as survivor or as the absorbed one, newest first", params: idParams } },
      async (req) => {
        const me = employeeOf(req);
        return { items: await listMerges(scopeOf(me.workspaceId), req.params.id) };
      },
    );

    app.get('/customers/merges/:id', { config: { auth: 'employee' }, schema: { tags, summary: 'One recorded merge', params: idParams } }, async (req) => {
      const me = employeeOf(req);
      return getMerge(scopeOf(me.workspaceId), req.params.id);
    });

    app.post(
      '/customers/merges/:id/unmerge',
      {
        config: { auth: 'employee', roles: ['admin', 'manager'] },
        schema: {
          tags,
          summary: 'Undo a merge: both customers come back as they were',
          description:
            'The absorbed customer returns with its fields, identities, conversations, suggestions, reminders, timeline, orders and consent decisions. ' +
            'What arrived after the merge follows its conversation, and a conversation goes back when the merge moved it or when it ' +
            'was started after the merge through an identity that came from the absorbed customer (its widget visitor, email, ' +
            'phone…). The survivor gets back the field values it had before the merge, except those someone changed since. ' +
            'Undoing a merge twice is a 409, as is undoing one whose survivor was merged away later (undo that one first).',
          params: idParams,
        },
      },
      async (req) => {
        const me = employeeOf(req);
        const outcome = await unmergeCustomers(ctx, scopeOf(me.workspaceId), actorOf(me), req.params.id);
        return { merge: outcome.merge, survivor: outcome.survivor, restored: outcome.restored };
      },
    );
  };
