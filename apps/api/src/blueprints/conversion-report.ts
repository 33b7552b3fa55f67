// The one conversion report, said three ways: as JSON (render), as a compact header (downloads and exports) and as
// CONVERSION.md inside every zip.
import type { ConversionReport } from '@lynxprompt/formats';

/** On every export, download and archive: what the conversion dropped, changed, derived or translated. */
export const CONVERSION_REPORT_HEADER = 'X-Conversion-Report';
/** On a single-file export of a skill with attached files: the files the response leaves out (ask archive=zip). */
export const ATTACHED_FILES_HEADER = 'X-Attached-Files';

/** The name of the report inside zips (a different one when a member already has that path). */
export const CONVERSION_FILE = 'CONVERSION.md';

const MAX_HEADER_LENGTH = 2000;
const CHANGE_ORDER = ['dropped', 'changed', 'derived', 'translated'] as const;

/** The report of an export in the blueprint's own format: the stored bytes go out as written, nothing is lost. */
export function unchangedReport(format: string): ConversionReport {
  return { from: format, to: format, lossless: true, changes: [] };
}

/** Header-safe field names: ASCII letters, digits and `_.:/-`, everything else as `_`. */
function headerToken(value: string): string {
  return value.replace(/[^A-Za-z0-9_.:/-]/g, '_');
}

function capped(value: string): string {
  if (value.length <= MAX_HEADER_LENGTH) return value;
  return `${value.slice(0, MAX_HEADER_LENGTH - 4)},...`;
}

/**
 * `lossless`, or the changes by kind, e.g. `dropped=model,allowedTools; derived=name`. A derivation or a translation
 * alone keeps the meaning, so such a report starts with `lossless; `.
 */
export function conversionHeader(report: ConversionReport): string {
  const parts = CHANGE_ORDER.flatMap((change) => {
    const fields = [...new Set(report.changes.filter((entry) => entry.change === change).map((entry) => entry.field))];
    return fields.length > 0 ? [`${change}=${fields.map(headerToken).join(',')}`] : [];
  });
  if (parts.length === 0) return 'lossless';
  return capped(report.lossless ? `lossless; ${parts.join('; ')}` : parts.join('; '));
}

/** Attached files' repository paths, percent-encoded where not ASCII, comma-separated, capped. */
export function attachedFilesHeader(paths: readonly string[]): string {
  return capped(`${paths.length}; ${paths.map((path) => encodeURI(path).replace(/,/g, '%2C')).join(',')}`);
}

function cell(value: string | undefined): string {
  return (value ?? '').replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
}

/**
 * CONVERSION.md: per file, what was dropped, changed, derived or translated ("Nothing was lost." when nothing was),
 * and the attached files that went with it unchanged.
 */
export function conversionMarkdown(
  files: readonly { path: string; report: ConversionReport; attached?: readonly string[] }[],
): string {
  const lines = ['# Conversion report', ''];
  const lossy = files.filter((file) => file.report.changes.length > 0);
  if (lossy.length === 0) {
    lines.push('Nothing was lost: every file is exactly what its format holds.', '');
  }
  for (const file of files) {
    lines.push(`## ${file.path}`, '', `From \`${file.report.from}\` to \`${file.report.to}\`.`, '');
    if (file.report.changes.length === 0) {
      lines.push('Nothing was lost.', '');
    } else {
      lines.push('| change | field | from | to | why |', '| --- | --- | --- | --- | --- |');
      for (const change of file.report.changes) {
        lines.push(
          `| ${change.change} | ${cell(change.field)} | ${cell(change.from)} | ${cell(change.to)} | ${cell(change.message)} |`,
        );
      }
      lines.push('');
    }
    if (file.attached && file.attached.length > 0) {
      lines.push(`Attached files, copied unchanged (${file.attached.length}):`, '');
      lines.push(...file.attached.map((path) => `- \`${path}\``), '');
    }
  }
  return lines.join('\n');
}
