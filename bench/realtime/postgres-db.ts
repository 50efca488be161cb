import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type BenchDatabase = { name: string; url: string; drop: () => Promise<void> };

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

// A fresh database per run: migrations start from empty and nothing of a previous run skews it.
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `vinculo_bench_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // WITH (FORCE) ends connections a killed server may have left behind (PostgreSQL 13+).
    drop: () => admin(serverUrl, `drop database if exists ${name} with (force)`),
  };
}
