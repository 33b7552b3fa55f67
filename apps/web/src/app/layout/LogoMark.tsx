/** The LynxPrompt mark; decorative, the link around it carries the name. */
export function LogoMark() {
  return (
    <svg className="logo-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" className="logo-mark__tile" />
      <path d="M9 8v16h14" className="logo-mark__stroke" />
      <path d="M15 8h4.5a4 4 0 0 1 0 8H15z" className="logo-mark__stroke logo-mark__stroke--accent" />
    </svg>
  );
}
