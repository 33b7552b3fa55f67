/** Where a GitHub workflow annotation points; GitHub draws it on that line of the pull request's diff. */
export interface AnnotationPlace {
  file: string;
  line?: number;
  col?: number;
  endLine?: number;
  endColumn?: number;
  title: string;
}

/**
 * One workflow command (`::error file=…,line=…::message`), escaped as the Actions toolkit escapes them
 * (@actions/core command.ts), so a file name or message cannot end the command early or start another.
 */
export function githubAnnotation(level: 'error' | 'warning', place: AnnotationPlace, message: string): string {
  const properties = Object.entries(place)
    .filter(([, value]) => value !== undefined && value !== 0)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${level} ${properties}::${escapeData(message)}`;
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
