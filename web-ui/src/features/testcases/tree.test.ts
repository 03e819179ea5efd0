import { buildTree, flatten, moveItem } from './tree';

const suite = (id: string, parentId: string | undefined, position: number) => ({ id, parentId, position, name: id, projectId: 'p', version: 0 });

describe('buildTree', () => {
  it('nests children under their parent in position order', () => {
    const tree = buildTree([suite('b', undefined, 1), suite('a', undefined, 0), suite('a2', 'a', 1), suite('a1', 'a', 0)]);
    expect(flatten(tree).map((n) => `${n.depth}:${n.suite.id}`)).toEqual(['0:a', '1:a1', '1:a2', '0:b']);
  });
});

describe('moveItem', () => {
  it('moves an item down and up', () => {
    expect(moveItem(['1', '2', '3'], 0, 2)).toEqual(['2', '3', '1']);
    expect(moveItem(['1', '2', '3'], 2, 1)).toEqual(['1', '3', '2']);
  });
  it('leaves the list alone when the move leaves it', () => {
    const list = ['1', '2'];
    expect(moveItem(list, 1, 2)).toBe(list);
    expect(moveItem(list, -1, 0)).toBe(list);
  });
});
