import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import type { ScanResult } from '../../blueprints/api/blueprint-types';
import { scanContent } from '../api/editor-api';

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

/**
 * Scans the content a moment after typing pauses. Earlier answers stay on screen while the next scan runs, and a scan
 * overtaken by newer text is aborted.
 */
export function useLiveScan(content: string) {
  const client = useApiClient();
  const settled = useDebouncedValue(content, SCAN_DEBOUNCE_MS);
  const query = useQuery<ScanResult, ApiError>({
    queryKey: queryKeys.blueprints.scan(settled),
    queryFn: ({ signal }) => scanContent(client, settled, signal),
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
