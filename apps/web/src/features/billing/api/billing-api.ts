import type { ApiClient, components } from '@lynxprompt/api-contract';
import { callApi } from '../../../shared/api/call-api';

export type BillingSummary = components['schemas']['BillingSummary'];
export type PlanView = components['schemas']['PlanView'];
export type SubscriptionView = components['schemas']['SubscriptionView'];
export type LimitUsage = components['schemas']['LimitUsageView'];
export type PlanStanding = BillingSummary['standing'];
export type BillingInterval = components['schemas']['CheckoutRequest']['interval'];
export type CheckoutRequest = components['schemas']['CheckoutRequest'];
export type CheckoutSession = components['schemas']['CheckoutSessionView'];
export type AdminSubscriptionList = components['schemas']['AdminSubscriptionList'];
export type AdminSubscription = components['schemas']['AdminSubscriptionView'];

/** Your own billing, or (with `organization`) an organization's, for its Owners and Admins. */
export function getBillingSummary(
  client: ApiClient,
  organization: string | undefined,
  signal?: AbortSignal,
): Promise<BillingSummary> {
  return organization === undefined
    ? callApi(client.GET('/api/v1/billing', { signal }))
    : callApi(client.GET('/api/v1/organizations/{slug}/billing', { params: { path: { slug: organization } }, signal }));
}

/** Stripe Checkout's address for the plan; the server picks the price. */
export async function startCheckout(client: ApiClient, request: CheckoutRequest): Promise<string> {
  const { url } = await callApi(client.POST('/api/v1/billing/checkout', { body: request }));
  return url;
}

/** The Customer Portal's address (cards, invoices, switching plans, cancelling). */
export async function openPortal(client: ApiClient, organization: string | undefined): Promise<string> {
  const { url } = await callApi(
    client.POST('/api/v1/billing/portal', { body: organization === undefined ? {} : { organization } }),
  );
  return url;
}

/** After Checkout: the session's status and the account's billing as it is now. */
export function getCheckoutSession(client: ApiClient, sessionId: string, signal?: AbortSignal) {
  return callApi(client.GET('/api/v1/billing/checkout/{sessionId}', { params: { path: { sessionId } }, signal }));
}

export function setSeats(client: ApiClient, organization: string, quantity: number): Promise<BillingSummary> {
  return callApi(
    client.PUT('/api/v1/organizations/{slug}/billing/seats', {
      params: { path: { slug: organization } },
      body: { quantity },
    }),
  );
}

export function listSubscriptions(
  client: ApiClient,
  status: string | undefined,
  page: number,
  signal?: AbortSignal,
): Promise<AdminSubscriptionList> {
  return callApi(
    client.GET('/api/v1/admin/billing/subscriptions', {
      params: { query: { ...(status ? { status } : {}), page } },
      signal,
    }),
  );
}
