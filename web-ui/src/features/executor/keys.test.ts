import { commandFor } from './keys';

const on = (key: string, target: Partial<HTMLElement> = { tagName: 'BODY' }, extra = {}) => commandFor({ key, target: target as HTMLElement, ...extra });

describe('commandFor', () => {
  it('maps one key to each status', () => {
    expect(on('p')).toEqual({ kind: 'status', status: 'PASS' });
    expect(on('F')).toEqual({ kind: 'status', status: 'FAIL' });
    expect(on('b')).toEqual({ kind: 'status', status: 'BLOCKED' });
    expect(on('s')).toEqual({ kind: 'status', status: 'SKIPPED' });
  });
  it('moves between steps and cases', () => {
    expect(on('j')).toEqual({ kind: 'step', by: 1 });
    expect(on('ArrowLeft')).toEqual({ kind: 'step', by: -1 });
    expect(on('n')).toEqual({ kind: 'case', by: 1 });
    expect(on('N', undefined, { shiftKey: true })).toEqual({ kind: 'case', by: -1 });
  });
  it('does nothing while the user types or holds a modifier', () => {
    expect(on('p', { tagName: 'TEXTAREA' })).toBeNull();
    expect(on('f', { tagName: 'INPUT' })).toBeNull();
    expect(on('s', undefined, { ctrlKey: true })).toBeNull();
  });
});
