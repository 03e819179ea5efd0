import { curlLine, githubStep } from './routes/ci-page';

describe('CI snippets', () => {
  it('fill in the project and keep the token a placeholder', () => {
    const curl = curlLine('https://tt.example', 'p-123');
    expect(curl).toContain('https://tt.example/api/imports/junit?projectId=p-123');
    expect(curl).toContain('Bearer $TESTTRACK_TOKEN');
    const step = githubStep('https://tt.example', 'p-123');
    expect(step).toContain('${{ secrets.TESTTRACK_TOKEN }}');
    expect(step).toContain('projectId=p-123');
  });
});
