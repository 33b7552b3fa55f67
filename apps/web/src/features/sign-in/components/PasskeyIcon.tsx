/** A key, for passkey buttons; decorative. */
export function PasskeyIcon() {
  return (
    <svg className="button__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="4" />
      <path d="M10.8 10.8 20 20M16 16l2-2M18.5 18.5l1.5-1.5" />
    </svg>
  );
}
