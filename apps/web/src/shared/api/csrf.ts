import type { ApiClient } from '@lynxprompt/api-contract';
import { isErrorResponse } from './api-error';

type Middleware = Parameters<ApiClient['use']>[0];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CSRF_HEADER = 'X-CSRF-Token';

interface CsrfOptions {
  /** The current session's CSRF token, or undefined when signed out. */
  token: () => Promise<string | undefined>;
  /** Called when the server refused a write as cross-site: the token we hold is stale. */
  onRejected: () => void;
}

/**
 * Adds X-CSRF-Token to every state-changing request, so no call site can forget it. The browser adds Origin itself.
 */
export function csrfMiddleware({ token, onRejected }: CsrfOptions): Middleware {
  return {
    async onRequest({ request }) {
      if (SAFE_METHODS.has(request.method)) return undefined;
      const value = await token();
      if (value) request.headers.set(CSRF_HEADER, value);
      return request;
    },
    async onResponse({ request, response }) {
      if (SAFE_METHODS.has(request.method) || response.status !== 403) return undefined;
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => undefined);
      if (isErrorResponse(body) && body.error.code === 'CSRF_FAILED') onRejected();
      return undefined;
    },
  };
}
