/** Whether a peer's catalogue is crawled with verified signatures, or unsigned because it is a legacy instance. */
export function SignatureLabel({ signed }: { signed: boolean }) {
  return signed ? (
    <span className="badge badge--success">Signed</span>
  ) : (
    <span className="badge badge--remote" title="This instance publishes no signing key: its catalogue is unverified">
      Unsigned (legacy)
    </span>
  );
}
