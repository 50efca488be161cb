// The server's error message, or a short success line, for one form or row.
export function FormStatus({ error, done }: { error: string | null; done: string | null }) {
  if (error)
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  if (done)
    return (
      <p className="form-ok" role="status">
        {done}
      </p>
    );
  return null;
}
