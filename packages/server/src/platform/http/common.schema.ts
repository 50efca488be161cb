import { z } from 'zod';

export const uuid = () => z.uuid({ message: 'must be a UUID' });
export const idParams = z.object({ id: uuid() });
export const roleSchema = z.enum(['admin', 'manager', 'agent']);
export const localeSchema = z.enum(['es', 'en']);
export const idempotencyKey = z
  .string()
  .min(8, 'must be at least 8 characters (a UUID works)')
  .max(200)
  .regex(/^[\w.:-]+$/, 'may contain letters, digits, "-", "_", ".", ":"');
