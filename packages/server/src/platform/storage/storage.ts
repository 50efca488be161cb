import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

export type Storage = {
  put(key: string, data: Readable): Promise<number>;
  get(key: string): Readable;
  remove(key: string): Promise<void>;
};

// Files on local disk under the data directory; an object store can implement the same type.
export function createDiskStorage(root: string): Storage {
  const full = (key: string) => {
    const p = path.resolve(root, key);
    if (!p.startsWith(path.resolve(root) + path.sep)) throw new Error(`storage key escapes root: ${key}`);
    return p;
  };
  return {
    async put(key, data) {
      const file = full(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.partial`;
      try {
        await pipeline(data, createWriteStream(tmp));
        await fs.rename(tmp, file);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
      return (await fs.stat(file)).size;
    },
    get(key) {
      return createReadStream(full(key));
    },
    async remove(key) {
      await fs.rm(full(key), { force: true });
    },
  };
}
