// node:path for secretlint's preset in the browser: only basename is called (by the GCP .p12 rule, which never runs
// on a blueprint: it reads the file from disk). POSIX semantics, as on the server.
function basename(path: string, suffix?: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return suffix && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base;
}

export default { basename };
export { basename };
