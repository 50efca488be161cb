import type { MoodTrend } from './api.types.ts';

// Shapes of the customer import and the bonds API (packages/server/src/modules/customers/customer-data.routes.ts,
// packages/server/src/modules/bonds/bond.schema.ts).

export type ImportMapping = {
  name?: string;
  email?: string;
  phone?: string;
  locale?: string;
  externalId?: { column: string; channel: string };
  attributes?: Record<string, string>;
};

export type ImportBody = { csv: string; mapping: ImportMapping; verified?: boolean; defaultCountry?: string; importId?: string };

// `row` is the file's line: line 1 is the header, so the first customer is line 2.
export type ImportRowError = { row: number; column: string | null; message: string };

export type ImportReport = {
  importId: string;
  rows: number;
  created: number;
  updated: number;
  proposedDuplicates: number;
  errors: ImportRowError[];
};

export type BondComponents = {
  replies: number;
  conversations: number;
  praise: number;
  lastInteractionAt: string;
  feeling: number;
  feltMessages: number;
  weighted: { replies: number; conversations: number; praise: number };
};

export type Bond = {
  employeeId: string;
  employeeName: string;
  active: boolean;
  teamId: string | null;
  score: number;
  components: BondComponents;
  updatedAt: string;
};

export type CustomerBonds = { customerId: string; trustedEmployee: Bond | null; items: Bond[] };

export type SuccessorReason = 'second_strongest_bond' | 'same_team_least_loaded';

export type AtRiskCustomer = {
  customerId: string;
  name: string | null;
  value: number | null;
  mood: { score: number; trend: MoodTrend | string; alert: boolean } | null;
  bondScore: number;
  successor: { employeeId: string; name: string; reason: SuccessorReason; bondScore: number | null } | null;
  draft: { locale: 'es' | 'en'; text: string } | null;
};

export type DepartureRisk = {
  employee: { id: string; name: string; active: boolean; teamId: string | null };
  customers: AtRiskCustomer[];
  totalValueAtRisk: number;
};
