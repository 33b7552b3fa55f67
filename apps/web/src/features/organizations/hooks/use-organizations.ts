import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import {
  acceptInvitation,
  changeMemberRole,
  createInvitation,
  createOrganization,
  deleteOrganization,
  getOrganization,
  listInvitations,
  listMembers,
  listOrganizations,
  previewInvitation,
  removeMember,
  revokeInvitation,
  updateOrganization,
  type InvitationPreview,
  type Member,
  type NewOrganization,
  type Organization,
  type OrganizationChanges,
  type OrganizationInvitation,
  type OrganizationRole,
} from '../api/organizations-api';

export function useMyOrganizations(enabled = true) {
  const client = useApiClient();
  return useQuery<Organization[], ApiError>({
    queryKey: queryKeys.account.organizations(),
    queryFn: ({ signal }) => listOrganizations(client, signal),
    enabled,
  });
}

export function useOrganization(slug: string) {
  const client = useApiClient();
  return useQuery<Organization, ApiError>({
    queryKey: queryKeys.account.organization(slug),
    queryFn: ({ signal }) => getOrganization(client, slug, signal),
    // 404 (not a member) and 403 are answers, not hiccups.
    retry: false,
  });
}

export function useMembers(slug: string) {
  const client = useApiClient();
  return useQuery<Member[], ApiError>({
    queryKey: queryKeys.account.organizationMembers(slug),
    queryFn: ({ signal }) => listMembers(client, slug, signal),
  });
}

export function useInvitations(slug: string, enabled = true) {
  const client = useApiClient();
  return useQuery<OrganizationInvitation[], ApiError>({
    queryKey: queryKeys.account.organizationInvitations(slug),
    queryFn: ({ signal }) => listInvitations(client, slug, signal),
    enabled,
    retry: false,
  });
}

/** Any change to an organization or its people: read it all again (the switcher, the page, the lists). */
function useRefreshOrganizations() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.account.organizations() });
}

export function useCreateOrganization() {
  const client = useApiClient();
  const refresh = useRefreshOrganizations();
  const navigate = useNavigate();
  return useMutation<Organization, ApiError, NewOrganization>({
    mutationFn: (input) => createOrganization(client, input),
    onSuccess: async (organization) => {
      await refresh();
      await navigate(`/orgs/${organization.slug}`);
    },
  });
}

export function useUpdateOrganization(slug: string) {
  const client = useApiClient();
  const refresh = useRefreshOrganizations();
  const navigate = useNavigate();
  return useMutation<Organization, ApiError, OrganizationChanges>({
    mutationFn: (changes) => updateOrganization(client, slug, changes),
    onSuccess: async (organization) => {
      await refresh();
      // A new slug is a new address.
      if (organization.slug !== slug) await navigate(`/orgs/${organization.slug}/settings`, { replace: true });
    },
  });
}

export function useDeleteOrganization(slug: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation<void, ApiError>({
    mutationFn: () => deleteOrganization(client, slug),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: queryKeys.account.organization(slug) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.account.organizations() });
      await navigate('/', { replace: true });
    },
  });
}

export function useChangeMemberRole(slug: string) {
  const client = useApiClient();
  const refresh = useRefreshOrganizations();
  return useMutation<Member, ApiError, { member: string; role: OrganizationRole }>({
    mutationFn: ({ member, role }) => changeMemberRole(client, slug, member, role),
    onSuccess: refresh,
  });
}

export function useRemoveMember(slug: string) {
  const client = useApiClient();
  const refresh = useRefreshOrganizations();
  return useMutation<void, ApiError, string>({
    mutationFn: (member) => removeMember(client, slug, member),
    onSuccess: refresh,
  });
}

/** Leaving: the organization's pages are no longer ours, so go home. */
export function useLeaveOrganization(slug: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation<void, ApiError, string>({
    mutationFn: (self) => removeMember(client, slug, self),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: queryKeys.account.organization(slug) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.account.organizations() });
      await navigate('/', { replace: true });
    },
  });
}

export function useCreateInvitation(slug: string) {
  const client = useApiClient();
  const refresh = useRefreshOrganizations();
  return useMutation<OrganizationInvitation, ApiError, { email: string; role: OrganizationRole }>({
    mutationFn: (input) => createInvitation(client, slug, input),
    onSuccess: refresh,
  });
}

export function useRevokeInvitation(slug: string) {
  const client = useApiClient();
  const refresh = useRefreshOrganizations();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => revokeInvitation(client, slug, id),
    onSuccess: refresh,
  });
}

export function useInvitationPreview(token: string) {
  const client = useApiClient();
  return useQuery<InvitationPreview, ApiError>({
    queryKey: queryKeys.account.invitation(token),
    queryFn: ({ signal }) => previewInvitation(client, token, signal),
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useAcceptInvitation(token: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation<Organization, ApiError>({
    mutationFn: () => acceptInvitation(client, token),
    // The preview is left alone: removing it while its page is still mounted would read the used invitation again.
    onSuccess: async (organization) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.account.organizations() });
      await navigate(`/orgs/${organization.slug}/members`);
    },
  });
}
