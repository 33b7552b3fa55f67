import { Link } from 'react-router';
import { KIND_LABELS } from '../../blueprints/api/blueprint-types';
import type { TreeNode } from '../tree';

/** The tree of a monorepo's blueprints: nested lists, each entry its repository path and a link to the blueprint. */
export function HierarchyTree({ nodes, label }: { nodes: TreeNode[]; label?: string }) {
  return (
    <ul className="hierarchy-tree" aria-label={label}>
      {nodes.map((node) => (
        <li key={node.member.id} className="hierarchy-tree__item">
          <div className="hierarchy-tree__entry">
            <code className="hierarchy-tree__path">{node.member.repositoryPath || '(no path)'}</code>
            <Link to={`/blueprints/${node.member.id}`}>{node.member.name}</Link>
            <span className="badge">{KIND_LABELS[node.member.kind] ?? node.member.kind}</span>
          </div>
          {node.children.length > 0 && <HierarchyTree nodes={node.children} />}
        </li>
      ))}
    </ul>
  );
}
