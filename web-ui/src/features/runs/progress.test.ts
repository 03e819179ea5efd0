import { progress } from './api/runs';

describe('progress', () => {
  it('counts everything but not-run and in-progress executions as done', () => {
    expect(progress({ PASSED: 3, FAILED: 1, NOT_RUN: 4, IN_PROGRESS: 2 })).toEqual({ total: 10, done: 4, fraction: 0.4 });
  });
  it('is zero for an empty run', () => {
    expect(progress(undefined)).toEqual({ total: 0, done: 0, fraction: 0 });
  });
});
