import type { ScanFinding, ScanReport } from './scan.types';

/**
 * A scan report as kept in a jsonb column (blueprint_versions.findings, remote_blueprints.scan_findings), read back.
 * Rows written before the listing cap hold the bare array of findings, which was then the complete list; null
 * (a remote copy not scanned yet) reads as an empty report.
 */
export function storedScanReport(stored: unknown): ScanReport {
  if (Array.isArray(stored)) return reportOfCompleteList(stored as ScanFinding[]);
  if (stored && typeof stored === 'object' && Array.isArray((stored as ScanReport).findings)) {
    return stored as ScanReport;
  }
  return reportOfCompleteList([]);
}

function reportOfCompleteList(findings: ScanFinding[]): ScanReport {
  const secrets = findings.filter((finding) => finding.category === 'secret');
  const high = secrets.filter((finding) => finding.confidence === 'high').length;
  return {
    findings,
    secrets: { high, low: secrets.length - high },
    hiddenInstructions: findings.length - secrets.length,
    truncated: false,
  };
}
