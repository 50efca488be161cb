import { ApiError } from '../../api/http-client.ts';

// Where a validation failure points, without the request part the server prefixes: `body.tags.3` → ['tags', '3'].
const segmentsOf = (path: string): string[] => {
  const parts = path.split('.').filter(Boolean);
  return parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params' ? parts.slice(1) : parts;
};

// The server's messages about one field (`tags`, `attributes.plan`), its own entries included.
export function issuesAt(err: unknown, field: string): string[] {
  if (!(err instanceof ApiError)) return [];
  const want = field.split('.');
  return err.issues.filter((i) => want.every((w, n) => segmentsOf(i.path)[n] === w)).map((i) => i.message);
}

// True when no field of the form explains the error: then it is shown as one line for the whole form.
export const isFormWide = (err: unknown, fields: readonly string[]): boolean => err !== null && fields.every((f) => issuesAt(err, f).length === 0);
