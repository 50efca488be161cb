// The server's message about one input, announced and linked to it with aria-describedby.
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={id} className="field-error" role="alert" data-testid="field-error">
      {message}
    </span>
  );
}

export const fieldDomId = (key: string) => `channel-${key.replace(/[^\w-]/g, '-')}`;
