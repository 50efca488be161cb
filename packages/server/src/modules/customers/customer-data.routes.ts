import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { idParams } from '../../platform/http/common.schema.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { eraseCustomer } from './customer-erasure.service.ts';
import { exportCustomerData, exportCustomersCsv } from './customer-export.service.ts';
import { importCustomers } from './customer-import.service.ts';
import { isCountryCode } from './identity-value.ts';

const tags = ['customers'];
const column = z.string().trim().min(1).max(200);
const MAX_CSV = 20 * 1024 * 1024;

const importBody = z.object({
  csv: z.string().min(1).max(MAX_CSV).describe('The file\'s text; the first line names the columns'),
  mapping: z
    .object({
      name: column.optional(),
      email: column.optional(),
      phone: column.optional(),
      locale: column.optional(),
      company: column.optional(),
      externalId: z.object({ column, channel: z.string().regex(/^[a-z][a-z0-9_-]{1,31}$/, 'must be a channel name like "crm" or "shop"') }).optional(),
      attributes: z.record(z.string().min(1).max(100), column).optional(),
    })
    .describe('Which column feeds which field, e.g. {"name": "Nombre", "email": "Correo", "attributes": {"plan": "Plan"}}'),
  defaultCountry: z
    .string()
    .refine(isCountryCode, 'must be a country code like ES or GB')
    .optional()
    .describe('Where phone numbers written without their country code are from; without it such numbers are reported as errors'),
  importId: z
    .uuid()
    .optional()
    .describe('Chosen by the client, so it can tell its own `customers.import.progress` frames from another import\'s; generated when absent'),
  verified: z
    .boolean()
    .default(false)
    .describe('true when your system vouches for these emails, phones and ids: a row matching an existing customer fills that customer\'s gaps instead of becoming a new record proposed as a duplicate'),
});

export const customerDataRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const scopeOf = (workspaceId: string) => tenantScope(ctx.db, workspaceId);

    app.post(
      '/customers/import',
      {
        config: { auth: 'employee', roles: ['admin', 'manager'] },
        bodyLimit: MAX_CSV + 64 * 1024,
        schema: {
          tags,
          summary: 'Import customers from CSV',
          description:
            'Rows are validated one by one (emails, phones in E.164, language codes) and written in batches of 500; progress goes to ' +
            'open web apps as `customers.import.progress` frames. Emails, phones and ids are matched with the same identity rules as ' +
            'the API: a match with an existing customer (or an earlier row) is proposed as a duplicate, or, with `verified`, fills that ' +
            'customer\'s gaps. The answer lists every row that was not imported with its line and column.',
          body: importBody,
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return importCustomers(ctx, scopeOf(me.workspaceId), actorOf(me), req.body.csv, { mapping: req.body.mapping, verified: req.body.verified, defaultCountry: req.body.defaultCountry as CountryCode | undefined, importId: req.body.importId });
      },
    );

    app.get(
      '/customers/export.csv',
      { config: { auth: 'employee', roles: ['admin', 'manager'] }, schema: { tags, summary: 'All customers as CSV (one column per attribute)' } },
      async (req, reply) => {
        const me = employeeOf(req);
        const scope = scopeOf(me.workspaceId);
        const csv = await exportCustomersCsv(scope);
        await recordAudit(scope, actorOf(me), { action: 'customers.exported', targetType: 'workspace', targetId: me.workspaceId });
        return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="customers.csv"').send(csv);
      },
    );

    app.get(
      '/customers/:id/export',
      {
        config: { auth: 'employee', roles: ['admin', 'manager'] },
        schema: { tags, summary: 'Everything held about one customer (data-access request), as JSON; audited', params: idParams },
      },
      async (req, reply) => {
        const me = employeeOf(req);
        const data = await exportCustomerData(scopeOf(me.workspaceId), actorOf(me), req.params.id);
        return reply.header('content-disposition', `attachment; filename="customer-${req.params.id}.json"`).send(data);
      },
    );

    app.post(
      '/customers/:id/erase',
      {
        config: { auth: 'employee', roles: ['admin'] },
        schema: {
          tags,
          summary: 'Erase a customer\'s personal data (right to be forgotten); audited, cannot be undone',
          description:
            'Removes the name, contacts, attributes, identities, what the customer wrote and sent, notes, drafts, timeline and merge ' +
            'snapshots; keeps conversations, counts, emotion labels and mood scores for the figures. Records merged into this one go too.',
          params: idParams,
          body: z.object({ confirm: z.literal(true, { message: 'send {"confirm": true}: erasing cannot be undone' }) }),
        },
      },
      async (req) => {
        const me = employeeOf(req);
        return eraseCustomer(ctx, scopeOf(me.workspaceId), actorOf(me), req.params.id);
      },
    );
  };
