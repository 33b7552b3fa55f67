// The live scan off the main thread: @lynxprompt/scanning's scanner, the same rules and finding ids as the server's
// POST /api/v1/scan (src/shared/packages stands in for the Node modules it uses; browser-scan.test.ts compares).
import { DEFAULT_MAX_LISTED_FINDINGS, scanContentInProcess } from '@lynxprompt/scanning';
import type { ScanReply, ScanRequest } from './scan-messages';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ScanRequest>) => void) | null;
  postMessage(message: ScanReply): void;
};

scope.onmessage = (event) => {
  const { id, content } = event.data;
  scanContentInProcess(content, { maxListedFindings: DEFAULT_MAX_LISTED_FINDINGS }).then(
    (report) => scope.postMessage({ id, report }),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
