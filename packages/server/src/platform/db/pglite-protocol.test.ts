import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { oneCallPerQuery } from './pglite-protocol.ts';

test('through node-postgres, each query reaches PGlite in one call, errors included, and answers as before', async () => {
  const lite = await PGlite.create('memory://');
  const calls: number[] = [];
  const exec = lite.execProtocolStream.bind(lite);
  lite.execProtocolStream = (message, options) => {
    calls.push(message.length);
    return exec(message, options);
  };
  const pool = new pg.Pool(createPgConfig(oneCallPerQuery(lite)) as unknown as pg.PoolConfig);
  try {
    await pool.query('create table t (id int primary key, label text)');
    calls.length = 0;
    const inserted = await pool.query('insert into t values ($1, $2), ($3, $4) returning label', [1, 'uno', 2, 'dos']);
    assert.deepEqual(inserted.rows, [{ label: 'uno' }, { label: 'dos' }]);
    assert.equal(calls.length, 1, 'parse, bind, describe, execute and sync in one call');
    // A named statement prepared once, then only bound and run.
    for (const id of [1, 2]) {
      const r = await pool.query({ name: 'by_id', text: 'select label from t where id = $1', values: [id] });
      assert.equal(r.rows[0].label, id === 1 ? 'uno' : 'dos');
    }
    assert.equal(calls.length, 3);
    // An error in the middle of a query still comes back as that query's error, and the next one runs.
    await assert.rejects(pool.query('insert into t values ($1, $2)', [1, 'again']), (err: Error & { code?: string }) => err.code === '23505');
    assert.equal((await pool.query('select count(*)::int as n from t')).rows[0].n, 2);
    await pool.query('begin');
    await assert.rejects(pool.query('select $1::int / 0', [1]), /division by zero/);
    await pool.query('rollback');
    assert.equal((await pool.query('select $1::text as v', ['después'])).rows[0].v, 'después');
  } finally {
    await pool.end();
    await lite.close();
  }
});
