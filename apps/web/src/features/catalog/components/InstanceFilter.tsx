import { useId } from 'react';
import type { InstanceDirectoryEntry } from '../../federation/api/federation-types';

interface InstanceFilterProps {
  /** The domain filtered on, or empty for every instance. */
  selected: string;
  /** This instance's domain (from its manifest), once known. */
  ownDomain: string | undefined;
  /** The instances this one federates with; the filter still offers "All" and "This instance" without them. */
  peers: InstanceDirectoryEntry[] | undefined;
  onChange: (domain: string) => void;
}

function optionLabel(peer: InstanceDirectoryEntry): string {
  const name = peer.name && peer.name !== peer.domain ? `${peer.name} (${peer.domain})` : peer.domain;
  return peer.signed ? name : `${name}, unsigned`;
}

/** Where the results come from: all instances, this one only, or one peer. Applies at once. */
export function InstanceFilter({ selected, ownDomain, peers = [], onChange }: InstanceFilterProps) {
  const selectId = useId();
  const known = selected === '' || selected === ownDomain || peers.some((peer) => peer.domain === selected);
  return (
    <div className="facet-group">
      <h3 className="facet-group__title">
        <label htmlFor={selectId}>Instance</label>
      </h3>
      <select id={selectId} className="select" value={selected} onChange={(event) => onChange(event.target.value)}>
        <option value="">All instances</option>
        {ownDomain && <option value={ownDomain}>This instance ({ownDomain})</option>}
        {peers
          .filter((peer) => peer.domain !== ownDomain)
          .map((peer) => (
            <option key={peer.domain} value={peer.domain}>
              {optionLabel(peer)}
            </option>
          ))}
        {!known && <option value={selected}>{selected}</option>}
      </select>
    </div>
  );
}
