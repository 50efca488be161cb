import { z } from 'zod';

export type Cursor = { createdAt: string; id: string };

export const encodeCursor = (c: Cursor) => Buffer.from(`${c.createdAt}|${c.id}`).toString('base64url');

// Opaque keyset cursor ("createdAt|id" in base64url), validated like any other input.
export const cursorSchema = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    const [createdAt, id] = Buffer.from(s, 'base64url').toString('utf8').split('|');
    if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !z.uuid().safeParse(id).success) {
      ctx.addIssue({ code: 'custom', message: 'is not a cursor returned by this API' });
      return z.NEVER;
    }
    return { createdAt, id };
  });

export function page<T extends { id: string }>(items: T[], limit: number, keyOf: (item: T) => string) {
  const last = items[items.length - 1];
  return { items, nextCursor: items.length === limit && last ? encodeCursor({ createdAt: keyOf(last), id: last.id }) : null };
}
