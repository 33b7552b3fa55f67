import { useEffect } from 'react';
import { useInstanceManifest } from './use-instance-manifest';

export const FALLBACK_TITLE = 'LynxPrompt';

/**
 * Sets document.title to the instance name, prefixed by the page's own title when given.
 * Call it from page components only, so exactly one component owns the title at a time.
 */
export function usePageTitle(pageTitle?: string): void {
  const { data } = useInstanceManifest();
  const site = data?.name ?? FALLBACK_TITLE;
  const title = pageTitle ? `${pageTitle} · ${site}` : site;
  useEffect(() => {
    document.title = title;
  }, [title]);
}
