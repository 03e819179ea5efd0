import { parseTags, tagChange } from './tags';

describe('parseTags', () => {
  it('splits on commas and spaces, lower-cases and drops duplicates', () => {
    expect(parseTags(' Smoke, checkout  smoke,,UI/login ')).toEqual(['smoke', 'checkout', 'ui/login']);
  });
  it('is empty for blank input', () => {
    expect(parseTags('  , ')).toEqual([]);
  });
});

describe('tagChange', () => {
  it('sends what is added and what is removed', () => {
    expect(tagChange('regression, p1', 'flaky')).toEqual({ add: ['regression', 'p1'], remove: ['flaky'], error: null });
  });
  it('refuses a tag the service would refuse, naming it', () => {
    expect(tagChange('-oops', '').error).toMatch(/'-oops' is not a tag/);
    expect(tagChange('a'.repeat(51), '').error).toMatch(/is not a tag/);
  });
  it('refuses the same tag on both sides', () => {
    expect(tagChange('smoke', 'Smoke').error).toBe("'smoke' cannot be added and removed at once");
  });
  it('asks for at least one tag', () => {
    expect(tagChange('', ' ').error).toBe('name at least one tag to add or remove');
  });
  it('keeps to the limit of the service', () => {
    const many = Array.from({ length: 31 }, (_, i) => `t${i}`).join(',');
    expect(tagChange(many, '').error).toBe('at most 30 tags at a time');
  });
});
