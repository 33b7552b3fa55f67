/**
 * Whether a peer's catalogue is crawled with verified signatures, or unsigned because it is a legacy instance. A peer
 * whose manifest never verified (`verified` false) is neither: whether it signs is not known yet.
 */
export function SignatureLabel({ signed, verified = true }: { signed: boolean; verified?: boolean }) {
  if (!verified) {
    return (
      <span className="badge" title="Its manifest has not verified yet, so whether it signs its catalogue is unknown">
        Not verified yet
      </span>
    );
  }
  return signed ? (
    <span className="badge badge--success">Signed</span>
  ) : (
    <span className="badge badge--remote" title="This instance publishes no signing key: its catalogue is unverified">
      Unsigned (legacy)
    </span>
  );
}
