import type { ApiIssue } from '../../api/http-client.ts';

// The server's messages about one input, next to it; data-path keeps the exact path it named.
export function FieldError({ id, issues }: { id: string; issues: readonly ApiIssue[] | undefined }) {
  if (!issues?.length) return null;
  return (
    <span id={id} className="field-error">
      {issues.map((i) => (
        <span key={i.path + i.message} className="field-error-line" data-testid="playbook-error" data-path={i.path}>
          {i.message}
        </span>
      ))}
    </span>
  );
}

export const describedBy = (id: string, issues: readonly ApiIssue[] | undefined): { 'aria-describedby'?: string; 'aria-invalid'?: true } =>
  issues?.length ? { 'aria-describedby': id, 'aria-invalid': true } : {};
