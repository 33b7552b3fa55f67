// The web app's only door to the API: types generated from the committed OpenAPI document.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths } from './schema';
export type InstanceManifest = components['schemas']['InstanceManifest'];
export type ErrorResponse = components['schemas']['ErrorResponse'];

export function createApiClient(baseUrl = '') {
  return createClient<paths>({ baseUrl, credentials: 'same-origin' });
}

export type ApiClient = ReturnType<typeof createApiClient>;
