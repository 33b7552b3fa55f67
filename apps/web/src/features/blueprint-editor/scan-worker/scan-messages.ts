import type { ScanReport } from '@lynxprompt/scanning';

export interface ScanRequest {
  id: number;
  content: string;
}

export type ScanReply = { id: number; report: ScanReport } | { id: number; error: string };
