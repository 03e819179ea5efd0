import { ApiError, describeError } from './problem';
import { m } from './messages';

describe('describeError', () => {
  it('names every field a validation problem lists', () => {
    const e = new ApiError(400, { title: 'Bad', errors: [{ field: 'key', message: 'must be 2 to 10 capital letters' }, { field: 'name', message: 'must not be blank' }] });
    expect(describeError(e)).toBe('key must be 2 to 10 capital letters; name must not be blank');
    expect(e.fieldError('name')).toBe('must not be blank');
  });
  it('prefers the detail, then a plain sentence for the status', () => {
    expect(describeError(new ApiError(409, { title: 'Conflict', detail: 'The project key SHOP is taken.' }))).toBe('The project key SHOP is taken.');
    expect(describeError(new ApiError(403, {}))).toBe(m.problems.forbidden);
    expect(describeError(new ApiError(429, {}, '30'))).toBe(m.problems.tooMany('30'));
  });
  it('recognises a stale edit', () => {
    expect(new ApiError(409, { type: 'https://testtrack.io/problems/stale-version' }).isStale).toBe(true);
    expect(new ApiError(409, { type: '/problems/conflict' }).isStale).toBe(false);
  });
  it('says a network failure in words', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toBe(m.problems.network);
  });
});
