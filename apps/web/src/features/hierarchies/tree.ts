import type { HierarchyMember } from './api/hierarchies-api';

export interface TreeNode {
  member: HierarchyMember;
  children: TreeNode[];
}

/** Members without a path (the API answers an empty one) go last. */
function byPath(a: TreeNode, b: TreeNode): number {
  return (
    (a.member.repositoryPath || '\uffff').localeCompare(b.member.repositoryPath || '\uffff') ||
    a.member.name.localeCompare(b.member.name)
  );
}

/**
 * Nests members under their parent, ordered by repository path. A member whose parent is missing (not visible to
 * this reader) or that sits in a parent cycle becomes a root, so every member is shown exactly once.
 */
export function buildTree(members: HierarchyMember[]): TreeNode[] {
  const nodes = new Map(members.map((member) => [member.id, { member, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.member.parentId ? nodes.get(node.member.parentId) : undefined;
    if (parent && !leadsTo(nodes, parent.member, node.member.id)) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TreeNode[]) => {
    list.sort(byPath);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** Whether walking up from `start` reaches `target` (which would make a cycle). */
function leadsTo(nodes: Map<string, TreeNode>, start: HierarchyMember, target: string): boolean {
  const seen = new Set<string>();
  let current: HierarchyMember | undefined = start;
  while (current && !seen.has(current.id)) {
    if (current.id === target) return true;
    seen.add(current.id);
    current = current.parentId ? nodes.get(current.parentId)?.member : undefined;
  }
  return false;
}
