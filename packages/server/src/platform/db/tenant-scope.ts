import {
  sql,
  type DeleteQueryBuilder,
  type DeleteResult,
  type Insertable,
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
  type SelectQueryBuilder,
  type UpdateQueryBuilder,
  type UpdateResult,
} from 'kysely';
import type { Database } from './database.types.ts';

export type TenantTable = {
  [K in keyof Database]: Database[K] extends { workspace_id: string } ? K : never;
}[keyof Database];

export type TenantInsert<T extends TenantTable> = Omit<Insertable<Database[T]>, 'workspace_id'>;

export type TenantScope = {
  readonly workspaceId: string;
  // For statements the helpers cannot express; callers then filter by workspaceId themselves.
  readonly db: Kysely<Database>;
  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, {}>;
  updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult>;
  deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult>;
  insertInto<T extends TenantTable>(table: T, rows: TenantInsert<T> | TenantInsert<T>[]): InsertQueryBuilder<Database, T, InsertResult>;
  transaction<R>(fn: (scope: TenantScope) => Promise<R>): Promise<R>;
};

type Filterable<B> = { where(expression: ReturnType<typeof sql<boolean>>): B };

// The one place where workspace scoping happens: services reach tenant tables only through
// this object, so no query can forget the workspace filter.
export function tenantScope(db: Kysely<Database>, workspaceId: string): TenantScope {
  const scoped = <B>(table: TenantTable, builder: unknown): B =>
    (builder as Filterable<B>).where(sql<boolean>`${sql.ref(`${table}.workspace_id`)} = ${workspaceId}`);
  return {
    workspaceId,
    db,
    selectFrom: (table) => scoped(table, db.selectFrom(table)),
    updateTable: (table) => scoped(table, db.updateTable(table)),
    deleteFrom: (table) => scoped(table, db.deleteFrom(table)),
    insertInto(table, rows) {
      const list = (Array.isArray(rows) ? rows : [rows]).map((r) => ({ ...r, workspace_id: workspaceId }));
      return db.insertInto(table).values(list as unknown as Insertable<Database[typeof table]>[]) as never;
    },
    transaction(fn) {
      if (db.isTransaction) return fn(this);
      return db.transaction().execute((trx) => fn(tenantScope(trx, workspaceId)));
    },
  };
}
