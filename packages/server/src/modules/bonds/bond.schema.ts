import { z } from 'zod';

// Workspace settings that steer routing (PATCH /api/workspace { settings }).
export const routingSettingsSchema = {
  routing: z
    .enum(['trusted', 'off'], { message: 'must be "trusted" or "off"' })
    .describe('New conversations go to the customer\'s trusted employee when online and under capacity, else their team, else the queue ("trusted", the default); "off" leaves them in the queue')
    .optional(),
  routingCapacity: z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1)
    .max(500)
    .describe('Open or pending assigned conversations at which an employee counts as full for routing (default 10)')
    .optional(),
};

const bondComponents = z.object({
  replies: z.number().describe('Replies by the employee in the customer\'s conversations'),
  conversations: z.number().describe('Conversations of the customer the employee replied in'),
  praise: z.number().describe('Positive customer messages thanking or naming the employee right after their reply'),
  lastInteractionAt: z.string(),
  feeling: z.number().describe('Recency-weighted mean valence of the customer\'s messages in those conversations, -1..1'),
  feltMessages: z.number(),
  weighted: z.object({ replies: z.number(), conversations: z.number(), praise: z.number() }).describe('The counts weighted by recency (halving every 30 days)'),
});

export const bondSchema = z.object({
  employeeId: z.string(),
  employeeName: z.string(),
  active: z.boolean(),
  teamId: z.string().nullable(),
  score: z.number().describe('(replies + 2·conversations + 4·praise, each weighted by recency) × (1 + feeling/2), decayed to now'),
  components: bondComponents,
  updatedAt: z.string(),
});

export const customerBondsResponse = z.object({
  customerId: z.string(),
  trustedEmployee: bondSchema.nullable().describe('The strongest bond with an active employee'),
  items: z.array(bondSchema),
});

const successor = z.object({
  employeeId: z.string(),
  name: z.string(),
  reason: z.enum(['second_strongest_bond', 'same_team_least_loaded']),
  bondScore: z.number().nullable(),
});

export const departureRiskResponse = z.object({
  employee: z.object({ id: z.string(), name: z.string(), active: z.boolean(), teamId: z.string().nullable() }),
  customers: z.array(
    z.object({
      customerId: z.string(),
      name: z.string().nullable(),
      value: z.number().nullable().describe('lifetime value from posted orders (main currency), else customers.attributes.value, when present'),
      mood: z.object({ score: z.number(), trend: z.string(), alert: z.boolean() }).nullable(),
      bondScore: z.number(),
      successor: successor.nullable(),
      draft: z
        .object({ locale: z.enum(['es', 'en']), text: z.string() })
        .nullable()
        .describe('A personal introduction from the successor for a person to edit and send; never sent automatically'),
    }),
  ),
  totalValueAtRisk: z.number(),
});

export const concentrationResponse = z.object({
  customersWithBonds: z.number(),
  employees: z.array(z.object({ employeeId: z.string(), name: z.string(), customers: z.number(), share: z.number() })),
  largestShare: z.number().describe('Share of customers whose strongest bond is the most depended-on employee'),
  largestEmployeeId: z.string().nullable(),
});

export const recomputeResponse = z.object({ bonds: z.number(), removed: z.number(), ms: z.number() });

export const routingResponse = z.object({
  conversationId: z.string(),
  routing: z
    .object({
      reason: z.enum(['routing_off', 'no_bond', 'trusted_employee', 'trusted_team', 'general_queue']),
      assigneeId: z.string().nullable(),
      teamId: z.string().nullable(),
      trustedEmployeeId: z.string().nullable(),
      unavailable: z.enum(['offline', 'at_capacity']).optional(),
      openAssigned: z.number().optional(),
      capacity: z.number().optional(),
      at: z.string(),
    })
    .nullable()
    .describe('Null when the conversation was opened with an explicit assignee or team'),
});
