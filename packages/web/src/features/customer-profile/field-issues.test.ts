import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../api/http-client.ts';
import { isFormWide, issuesAt } from './field-issues.ts';

const invalid = new ApiError(400, 'validation_failed', 'body.tags.3: each at most 40 characters', [
  { path: 'body.tags.3', message: 'each at most 40 characters' },
  { path: 'body.attributes.plan', message: 'must be one of oro, plata' },
]);

test('issues are found by field, whatever the request prefix and the entry', () => {
  assert.deepEqual(issuesAt(invalid, 'tags'), ['each at most 40 characters']);
  assert.deepEqual(issuesAt(invalid, 'attributes.plan'), ['must be one of oro, plata']);
  assert.deepEqual(issuesAt(invalid, 'attributes'), ['must be one of oro, plata']);
  assert.deepEqual(issuesAt(invalid, 'interests'), []);
  assert.deepEqual(issuesAt(new ApiError(400, 'bad', 'x', [{ path: 'attributes.size', message: 'must be a number' }]), 'attributes.size'), ['must be a number']);
});

test('an error no field explains is shown for the whole form', () => {
  assert.equal(isFormWide(invalid, ['tags']), false);
  assert.equal(isFormWide(new ApiError(403, 'forbidden', 'Only admins'), ['tags']), true);
  assert.equal(isFormWide(null, ['tags']), false);
  assert.deepEqual(issuesAt(new Error('boom'), 'tags'), []);
});
