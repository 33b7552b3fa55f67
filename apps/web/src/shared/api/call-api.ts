import { apiErrorFromResponse, apiErrorFromThrown } from './api-error';

/** What every openapi-fetch call resolves to, whatever the route. */
interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits a typed client call and returns its body, or rejects with an ApiError (envelope code, message, requestId) on
 * a non-2xx answer or when the server cannot be reached. 204 answers resolve to undefined.
 */
export async function callApi<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call.catch((cause: unknown) => Promise.reject(apiErrorFromThrown(cause)));
  if (!response.ok) throw apiErrorFromResponse(error, response);
  return data as T;
}
