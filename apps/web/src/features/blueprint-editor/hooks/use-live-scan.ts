import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import type { ScanResult } from '../../blueprints/api/blueprint-types';
import { scanContent } from '../api/editor-api';
import { canScanInBrowser, scanInBrowser } from '../scan-worker/browser-scanner';

export const SCAN_DEBOUNCE_MS = 400;

/** `value` once it has stopped changing for `delay` ms. */
export function useDebouncedValue<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** What the live scan shows: the findings and their totals (the variables are found on every keystroke instead). */
export type LiveScanResult = Omit<ScanResult, 'variables'>;

/**
 * The scan in a module worker of this page (the server's scanner and rules, no round trip, typing never blocked), or
 * POST /api/v1/scan where there is no worker or it failed. The save scans again on the server either way.
 */
async function scanDraft(
  client: Parameters<typeof scanContent>[0],
  content: string,
  signal: AbortSignal,
): Promise<LiveScanResult> {
  if (canScanInBrowser()) {
    try {
      return await scanInBrowser(content, signal);
    } catch (error) {
      if (signal.aborted) throw error;
    }
  }
  return scanContent(client, content, signal);
}

/**
 * Scans the content a moment after typing pauses. Earlier answers stay on screen while the next scan runs, and a scan
 * overtaken by newer text is aborted.
 */
export function useLiveScan(content: string) {
  const client = useApiClient();
  const settled = useDebouncedValue(content, SCAN_DEBOUNCE_MS);
  const query = useQuery<LiveScanResult, ApiError>({
    queryKey: queryKeys.blueprints.scan(settled),
    queryFn: ({ signal }) => scanDraft(client, settled, signal),
    enabled: settled.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 30_000,
    retry: false,
  });
  const empty = settled.trim() === '';
  return {
    result: empty ? undefined : query.data,
    error: query.error,
    /** Typing has not paused yet, or a scan is under way. */
    scanning: settled !== content || query.isFetching,
    empty,
  };
}
