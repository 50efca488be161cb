import type { PGlite } from '@electric-sql/pglite';

// Frontend messages that expect no answer before the query's Sync: Parse, Bind, Describe, Execute, Close.
const HELD = new Set([...'PBDEC'].map((c) => c.charCodeAt(0)));

// node-postgres hands the adapter each protocol message of a query on its own (parse, bind,
// describe, execute, sync), and the adapter makes one call into PGlite for each. Held until the
// Sync, they go in one call: the same messages in the same order, so the same answers. The adapter
// runs one query at a time on its single connection, so one buffer is enough.
export function oneCallPerQuery(lite: PGlite): PGlite {
  let held: Uint8Array[] = [];
  const execProtocolStream: PGlite['execProtocolStream'] = async (message, options) => {
    if (HELD.has(message[0]!)) {
      held.push(message);
      return [];
    }
    const all = held.length ? Buffer.concat([...held, message]) : message;
    held = [];
    return lite.execProtocolStream(all, options);
  };
  return new Proxy(lite, {
    get: (target, prop) => {
      if (prop === 'execProtocolStream') return execProtocolStream;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
