/** Hands a file made or fetched by the page to the browser's downloads, under the given name. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Give the browser a moment to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The file name of an attachment's Content-Disposition header, or the fallback. */
export function attachmentFileName(header: string | null, fallback: string): string {
  const match = /filename="([^"]*)"/.exec(header ?? '');
  return match?.[1] || fallback;
}
