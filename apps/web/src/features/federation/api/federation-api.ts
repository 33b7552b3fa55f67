import type { ApiClient } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';
import type { FederationSettings, NewDomainRule } from './federation-types';

/** The public directory: the instances whose blueprints this one shows. */
export async function listInstanceDirectory(client: ApiClient, signal?: AbortSignal) {
  const directory = await callApi(client.GET('/api/v1/federation/peers', { signal }));
  return directory.items;
}

// ---- Administration (admins only; writes carry the CSRF header through the client's middleware) ----

export async function listPeers(client: ApiClient, signal?: AbortSignal) {
  const list = await callApi(client.GET('/api/v1/admin/federation/peers', { signal }));
  return list.items;
}

/** Adds a peer by domain and verifies it at once: the answer's status says how the verification went. */
export function addPeer(client: ApiClient, domain: string) {
  return callApi(client.POST('/api/v1/admin/federation/peers', { body: { domain } }));
}

export function getPeer(client: ApiClient, id: string, signal?: AbortSignal) {
  return callApi(client.GET('/api/v1/admin/federation/peers/{id}', { params: { path: { id } }, signal }));
}

/** Queues a crawl (202): it runs on the worker, and shows up in the peer's crawl log when done. */
export function crawlPeer(client: ApiClient, id: string) {
  return callApi(client.POST('/api/v1/admin/federation/peers/{id}/crawl', { params: { path: { id } } }));
}

export function approvePeerKey(client: ApiClient, id: string) {
  return callApi(client.POST('/api/v1/admin/federation/peers/{id}/approve-key', { params: { path: { id } } }));
}

export async function removePeer(client: ApiClient, id: string): Promise<void> {
  await callApi(client.DELETE('/api/v1/admin/federation/peers/{id}', { params: { path: { id } } }));
}

export async function listDomainRules(client: ApiClient, signal?: AbortSignal) {
  const list = await callApi(client.GET('/api/v1/admin/federation/domain-rules', { signal }));
  return list.items;
}

export function addDomainRule(client: ApiClient, rule: NewDomainRule) {
  return callApi(client.POST('/api/v1/admin/federation/domain-rules', { body: rule }));
}

export async function removeDomainRule(client: ApiClient, id: string): Promise<void> {
  await callApi(client.DELETE('/api/v1/admin/federation/domain-rules/{id}', { params: { path: { id } } }));
}

export function getFederationSettings(client: ApiClient, signal?: AbortSignal) {
  return callApi(client.GET('/api/v1/admin/federation/settings', { signal }));
}

export function updateFederationSettings(client: ApiClient, changes: Partial<FederationSettings>) {
  return callApi(client.PATCH('/api/v1/admin/federation/settings', { body: changes }));
}

/** Replaces this instance's signing key; peers that pinned the old one must approve the new one. */
export function rotateInstanceKey(client: ApiClient) {
  return callApi(client.POST('/api/v1/admin/federation/key/rotate'));
}

/** Hides (or shows again) another instance's blueprint here: out of listings and 404 to everyone but admins. */
export function setRemoteBlueprintHidden(client: ApiClient, id: string, hidden: boolean) {
  const init = { params: { path: { id } } };
  return hidden
    ? callApi(client.POST('/api/v1/admin/federation/remote-blueprints/{id}/hide', init))
    : callApi(client.POST('/api/v1/admin/federation/remote-blueprints/{id}/unhide', init));
}
