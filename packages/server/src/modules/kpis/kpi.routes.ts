import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { employeeOf } from '../../platform/http/auth.plugin.ts';
import { kpiItemsQuery, kpiParams, kpiQuery, KPIS } from './kpi.schema.ts';
import { kpiCsv, kpiItems, kpiSeries } from './kpi.service.ts';

const tags = ['kpis'];
const FILTERS =
  '`from`/`to`: whole UTC days, both included (default: the last 30 days). `granularity`: day, week (ISO, from Monday) or month. ' +
  '`teamId` (a department is a team), `channel`, `employeeId`; an unknown team or employee is a 400. Definitions: docs/kpis.md.';

// The KPI dashboard: one series per chart, the items behind a point, CSV of every chart.
export const kpiRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { auth: 'employee' as const, roles: ['admin' as const, 'manager' as const] };

    app.get(
      '/kpis/:kpi',
      {
        config,
        schema: {
          tags,
          summary: `A KPI's series: ${KPIS.join(', ')}`,
          description:
            `Points (one per period; for bond_concentration one per employee) with the counts behind each, and the total over the range. ${FILTERS} ` +
            '`format=csv`: the same points, one row each.',
          params: kpiParams,
          querystring: kpiQuery,
        },
      },
      async (req, reply) => {
        const series = await kpiSeries(tenantScope(ctx.db, employeeOf(req).workspaceId), req.params.kpi, req.query);
        if (req.query.format !== 'csv') return series;
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="kpi-${series.kpi}-${series.from}-${series.to}.csv"`).send(kpiCsv(series));
      },
    );

    app.get(
      '/kpis/:kpi/items',
      {
        config,
        schema: {
          tags,
          summary: 'What lies behind one point of a KPI chart: its answers, conversations, episodes, exits or customers',
          description: `\`point\`: the point's \`key\`, with the chart's own filters. Newest first (bond_concentration: most exclusive first); \`nextOffset\` pages on. ${FILTERS}`,
          params: kpiParams,
          querystring: kpiItemsQuery,
        },
      },
      async (req) => kpiItems(tenantScope(ctx.db, employeeOf(req).workspaceId), req.params.kpi, req.query),
    );
  };
