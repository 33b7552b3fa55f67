import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../app/query-keys';
import { useApiClient } from '../../../shared/api/api-client-context';
import type { ApiError } from '../../../shared/api/api-error';
import { useSession } from '../../session/hooks/use-session';
import {
  getBillingSummary,
  getCheckoutSession,
  listSubscriptions,
  openPortal,
  setSeats,
  startCheckout,
  type AdminSubscriptionList,
  type BillingSummary,
  type CheckoutRequest,
  type CheckoutSession,
} from '../api/billing-api';

/** Whether this instance bills at all: without it, no billing page, tab, link or prompt shows. */
export function useBillingEnabled(): boolean {
  const { data: session } = useSession();
  return session?.features?.billing === true;
}

/** Your billing (no organization) or an organization's. */
export function useBillingSummary(organization: string | undefined) {
  const client = useApiClient();
  return useQuery<BillingSummary, ApiError>({
    queryKey: queryKeys.account.billingSummary(organization),
    queryFn: ({ signal }) => getBillingSummary(client, organization, signal),
  });
}

/** Leaves for Stripe Checkout; Stripe brings the browser back to /billing/success (or the billing page, canceled). */
export function useCheckout() {
  const client = useApiClient();
  return useMutation<string, ApiError, CheckoutRequest>({
    mutationFn: (request) => startCheckout(client, request),
    onSuccess: (url) => window.location.assign(url),
  });
}

/** Leaves for the Customer Portal, which links back to the billing page. */
export function usePortal(organization: string | undefined) {
  const client = useApiClient();
  return useMutation<string, ApiError, void>({
    mutationFn: () => openPortal(client, organization),
    onSuccess: (url) => window.location.assign(url),
  });
}

export function useSetSeats(organization: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation<BillingSummary, ApiError, number>({
    mutationFn: (quantity) => setSeats(client, organization, quantity),
    onSuccess: (summary) => queryClient.setQueryData(queryKeys.account.billingSummary(organization), summary),
  });
}

/**
 * The Checkout Stripe came back from. The server writes the subscription when it reads a complete session, so every
 * billing page is stale once it answers.
 */
export function useCheckoutSession(sessionId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useQuery<CheckoutSession, ApiError>({
    queryKey: queryKeys.account.checkoutSession(sessionId),
    queryFn: async ({ signal }) => {
      const session = await getCheckoutSession(client, sessionId, signal);
      const organization = session.summary.account.kind === 'organization' ? session.summary.account.slug : null;
      await queryClient.invalidateQueries({ queryKey: queryKeys.account.billingSummaries() });
      queryClient.setQueryData(queryKeys.account.billingSummary(organization ?? undefined), session.summary);
      return session;
    },
    enabled: sessionId !== '',
    staleTime: Infinity,
  });
}

export function useAdminSubscriptions(status: string | undefined, page: number) {
  const client = useApiClient();
  return useQuery<AdminSubscriptionList, ApiError>({
    queryKey: queryKeys.account.adminSubscriptions(status, page),
    queryFn: ({ signal }) => listSubscriptions(client, status, page, signal),
    placeholderData: keepPreviousData,
  });
}
