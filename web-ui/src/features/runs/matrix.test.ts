import { buildMatrix } from './matrix';

describe('buildMatrix', () => {
  it('multiplies the dimensions into labels the way the service names them', () => {
    const result = buildMatrix([{ name: 'Browser', values: 'Chrome, Firefox' }, { name: 'OS', values: 'Linux,Windows, macOS' }]);
    expect(result.error).toBeNull();
    expect(result.matrix).toEqual({ Browser: ['Chrome', 'Firefox'], OS: ['Linux', 'Windows', 'macOS'] });
    expect(result.labels).toEqual([
      'Chrome / Linux', 'Chrome / Windows', 'Chrome / macOS', 'Firefox / Linux', 'Firefox / Windows', 'Firefox / macOS',
    ]);
  });
  it('ignores empty dimensions and repeated values', () => {
    const result = buildMatrix([{ name: 'Browser', values: 'Chrome, Chrome' }, { name: '', values: ' ' }]);
    expect(result.labels).toEqual(['Chrome']);
    expect(result.matrix).toEqual({ Browser: ['Chrome'] });
  });
  it('is no matrix at all when nothing is filled in', () => {
    expect(buildMatrix([{ name: 'Browser', values: '' }])).toEqual({ matrix: undefined, labels: [], error: null });
  });
  it('asks for a name for every dimension with values, and distinct names', () => {
    expect(buildMatrix([{ name: 'Browser', values: 'a' }, { name: '', values: 'b' }]).error).toBe('dimension 2 needs a name');
    expect(buildMatrix([{ name: 'OS', values: 'a' }, { name: 'OS', values: 'b' }]).error).toBe('each dimension needs a name of its own');
  });
  it('refuses more configurations than the service creates', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `v${i}`).join(',');
    expect(buildMatrix([{ name: 'A', values: ten }, { name: 'B', values: 'x,y,z,w,q,r' }]).error).toBe('makes 60 configurations; at most 50');
  });
});
