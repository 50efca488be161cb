import { ApiError } from '../../api/http-client.ts';
import type { MessageKey } from '../../i18n/i18n.types.ts';

// The server's own message when there is one (it is written for people), else a generic line.
export function errorText(err: unknown, t: (key: MessageKey) => string): string {
  if (err instanceof ApiError) return err.code === 'network' ? t('app.networkError') : err.message;
  return err instanceof Error ? err.message : String(err);
}
