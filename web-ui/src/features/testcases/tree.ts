import type { Suite } from './api/cases';

export interface SuiteNode {
  suite: Suite;
  depth: number;
  children: SuiteNode[];
}

/** The flat suite list as a tree, siblings in their position order. */
export function buildTree(suites: Suite[]): SuiteNode[] {
  const byParent = new Map<string | undefined, Suite[]>();
  for (const s of suites) {
    const key = s.parentId ?? undefined;
    byParent.set(key, [...(byParent.get(key) ?? []), s]);
  }
  const grow = (parent: string | undefined, depth: number): SuiteNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || (a.name ?? '').localeCompare(b.name ?? ''))
      .map((suite) => ({ suite, depth, children: grow(suite.id, depth + 1) }));
  return grow(undefined, 0);
}

/** The tree in display order, for rendering and keyboard moves. */
export function flatten(nodes: SuiteNode[]): SuiteNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** A copy of the list with the item at `from` moved to `to`. */
export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}
