import type { ApiClient, components, paths } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

export type Organization = components['schemas']['OrganizationView'];
export type OrganizationRole = Organization['role'];
export type Member = components['schemas']['MemberView'];
export type OrganizationInvitation = components['schemas']['OrganizationInvitationView'];
export type InvitationPreview = components['schemas']['InvitationPreview'];
export type NewOrganization = paths['/api/v1/organizations']['post']['requestBody']['content']['application/json'];
export type OrganizationChanges =
  paths['/api/v1/organizations/{slug}']['patch']['requestBody']['content']['application/json'];

const bySlug = (slug: string) => ({ params: { path: { slug } } });

export async function listOrganizations(client: ApiClient, signal?: AbortSignal): Promise<Organization[]> {
  return (await callApi(client.GET('/api/v1/organizations', { signal }))).items;
}

export function getOrganization(client: ApiClient, slug: string, signal?: AbortSignal) {
  return callApi(client.GET('/api/v1/organizations/{slug}', { ...bySlug(slug), signal }));
}

export function createOrganization(client: ApiClient, input: NewOrganization) {
  return callApi(client.POST('/api/v1/organizations', { body: input }));
}

export function updateOrganization(client: ApiClient, slug: string, changes: OrganizationChanges) {
  return callApi(client.PATCH('/api/v1/organizations/{slug}', { ...bySlug(slug), body: changes }));
}

export async function deleteOrganization(client: ApiClient, slug: string): Promise<void> {
  await callApi(client.DELETE('/api/v1/organizations/{slug}', bySlug(slug)));
}

export async function listMembers(client: ApiClient, slug: string, signal?: AbortSignal): Promise<Member[]> {
  return (await callApi(client.GET('/api/v1/organizations/{slug}/members', { ...bySlug(slug), signal }))).items;
}

export function changeMemberRole(client: ApiClient, slug: string, member: string, role: OrganizationRole) {
  return callApi(
    client.PATCH('/api/v1/organizations/{slug}/members/{member}', {
      params: { path: { slug, member } },
      body: { role },
    }),
  );
}

export async function removeMember(client: ApiClient, slug: string, member: string): Promise<void> {
  await callApi(client.DELETE('/api/v1/organizations/{slug}/members/{member}', { params: { path: { slug, member } } }));
}

export async function listInvitations(
  client: ApiClient,
  slug: string,
  signal?: AbortSignal,
): Promise<OrganizationInvitation[]> {
  return (
    await callApi(
      client.GET('/api/v1/organizations/{slug}/invitations', {
        params: { path: { slug }, query: { status: 'pending' } },
        signal,
      }),
    )
  ).items;
}

export function createInvitation(client: ApiClient, slug: string, input: { email: string; role: OrganizationRole }) {
  return callApi(client.POST('/api/v1/organizations/{slug}/invitations', { ...bySlug(slug), body: input }));
}

export async function revokeInvitation(client: ApiClient, slug: string, id: string): Promise<void> {
  await callApi(client.DELETE('/api/v1/organizations/{slug}/invitations/{id}', { params: { path: { slug, id } } }));
}

export function previewInvitation(client: ApiClient, token: string, signal?: AbortSignal) {
  return callApi(client.GET('/api/v1/invitations/{token}', { params: { path: { token } }, signal }));
}

export async function acceptInvitation(client: ApiClient, token: string): Promise<Organization> {
  return (await callApi(client.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } } })))
    .organization;
}
