import type { InstanceManifest } from '@lynxprompt/api-contract';
import './InstanceFacts.css';
import { formatCount } from '../../../shared/format';

/** The manifest's key facts as a description list of cards. */
export function InstanceFacts({ manifest }: { manifest: InstanceManifest }) {
  return (
    <dl className="instance-facts">
      <div className="instance-facts__item">
        <dt>Domain</dt>
        <dd className="instance-facts__mono">{manifest.domain}</dd>
      </div>
      <div className="instance-facts__item">
        <dt>Version</dt>
        <dd className="instance-facts__mono">{manifest.version}</dd>
      </div>
      <div className="instance-facts__item">
        <dt>Federation</dt>
        <dd>
          <span className={`status-pill ${manifest.federation ? 'status-pill--on' : 'status-pill--off'}`}>
            {manifest.federation ? 'Enabled' : 'Disabled'}
          </span>
        </dd>
      </div>
      <div className="instance-facts__item">
        <dt>Public blueprints</dt>
        <dd className="instance-facts__number">{formatCount(manifest.publicBlueprints)}</dd>
      </div>
    </dl>
  );
}

/** Placeholder with the same footprint as InstanceFacts, shown while the manifest loads. */
export function InstanceFactsSkeleton() {
  return (
    <div className="instance-facts" aria-hidden="true">
      {Array.from({ length: 4 }, (_, index) => (
        <div key={index} className="instance-facts__item">
          <span className="skeleton skeleton--label" />
          <span className="skeleton skeleton--value" />
        </div>
      ))}
    </div>
  );
}
