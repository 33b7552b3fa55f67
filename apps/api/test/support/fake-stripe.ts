import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import qs from 'qs';
import Stripe from 'stripe';

/**
 * A stateful stand-in for the part of Stripe's REST API that subscription billing uses, on 127.0.0.1. There is no
 * stripe-mock here (see the shared toolchain notes), so this answers the official SDK the way Stripe does: form-encoded
 * requests in bracket notation, Stripe's JSON shapes for API version 2026-11-18, Stripe's error envelope (so the SDK
 * throws its typed errors), Idempotency-Key replays, and webhook events signed with the webhook secret and delivered
 * one at a time, in order, after the API call that caused them has answered.
 *
 * Point the SDK at it with
 *   new Stripe(fake.secretKey, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0, telemetry: false })
 * and an instance with `fake.env`. The pages under /pay and /portal stand in for Stripe Checkout and the Customer
 * Portal, for browser tests. Every request is recorded so tests can assert what the app sent.
 *
 * What it does not model: payment methods, prorations (the behaviour is recorded, no proration invoice is made),
 * taxes, coupons, retries of failed webhook deliveries, and any parameter it does not list (those answer 400 naming
 * the parameter, rather than being silently ignored).
 */

export interface FakeStripePrice {
  id: string;
  /** In the currency's smallest unit (cents). */
  unitAmount: number;
  currency?: string;
  interval: 'month' | 'year';
  product?: string;
}

/**
 * Where the fake sends webhook events: an absolute URL (POSTed with content-type application/json and the
 * Stripe-Signature header), or a function (for supertest apps that do not listen). Returns the HTTP status the
 * instance answered.
 */
export type WebhookTarget = string | ((payload: string, headers: Record<string, string>) => Promise<number>);

export interface FakeStripeOptions {
  prices: FakeStripePrice[];
  webhookTarget?: WebhookTarget;
}

/** qs's parse result: strings, nested objects and arrays. */
export type StripeParams = qs.ParsedQs;

export interface RecordedStripeRequest {
  method: string;
  path: string;
  /** The query string, parsed like the body (expand[0]=… becomes an array). */
  query: StripeParams;
  /** The form body, parsed with qs: line_items[0][price]=… becomes { line_items: [{ price }] }. */
  body: StripeParams;
  idempotencyKey?: string;
  authorization?: string;
  stripeVersion?: string;
}

export type StripePriceLike = {
  id: string;
  object: 'price';
  active: boolean;
  currency: string;
  unit_amount: number;
  product: string;
  type: 'recurring';
  recurring: { interval: 'month' | 'year'; interval_count: number; usage_type: 'licensed' };
  metadata: Record<string, string>;
  livemode: false;
};

export type StripeSubscriptionItemLike = {
  id: string;
  object: 'subscription_item';
  subscription: string;
  price: StripePriceLike;
  quantity: number;
  metadata: Record<string, string>;
  created: number;
  // On the item, not the subscription, since API version 2025-03-31.
  current_period_start: number;
  current_period_end: number;
};

export type StripeSubscriptionLike = {
  id: string;
  object: 'subscription';
  customer: string;
  status: string;
  metadata: Record<string, string>;
  cancel_at_period_end: boolean;
  cancel_at: number | null;
  canceled_at: number | null;
  ended_at: number | null;
  trial_start: number | null;
  trial_end: number | null;
  created: number;
  start_date: number;
  currency: string;
  collection_method: 'charge_automatically';
  latest_invoice: string | null;
  livemode: false;
  items: {
    object: 'list';
    data: StripeSubscriptionItemLike[];
    has_more: false;
    total_count: number;
    url: string;
  };
};

export type StripeInvoiceLike = {
  id: string;
  object: 'invoice';
  customer: string;
  status: 'paid' | 'open';
  billing_reason: 'subscription_create' | 'subscription_cycle';
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  attempt_count: number;
  currency: string;
  // Since API version 2025-03-31 the subscription is here, not in a top-level `subscription` field.
  parent: {
    type: 'subscription_details';
    subscription_details: { subscription: string; metadata: Record<string, string> };
  };
  // As on Stripe, period_start/period_end are the *previous* billing period for a renewal (and the creation instant for
  // the first invoice); the period paid for is on each line.
  period_start: number;
  period_end: number;
  next_payment_attempt: number | null;
  created: number;
  lines: {
    object: 'list';
    data: Array<{
      id: string;
      object: 'line_item';
      amount: number;
      currency: string;
      quantity: number;
      period: { start: number; end: number };
      pricing: { type: 'price_details'; price_details: { price: string; product: string } };
    }>;
    has_more: false;
    total_count: number;
    url: string;
  };
  livemode: false;
};

export type StripeEventLike = {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  type: string;
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
};

export interface FakeStripeDelivery {
  event: StripeEventLike;
  /** What the target answered; 0 when it could not be reached (or the function threw, see `error`). */
  status: number;
  error?: string;
}

export interface FakeStripe {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  /** sk_test_<random>: the only key the API accepts. */
  readonly secretKey: string;
  /** whsec_<random>: what events are signed with. */
  readonly webhookSecret: string;
  /** App settings pointing an instance at this fake: STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_URL (= url). */
  readonly env: Record<string, string>;
  setWebhookTarget(target: WebhookTarget): void;
  /**
   * Resolves when every event queued so far has been delivered (and its delivery answered). With no target set nothing
   * can be delivered, so it resolves at once and the events wait for setWebhookTarget.
   */
  drain(): Promise<void>;
  /** Every event sent, in order, with the status the target answered. */
  readonly deliveries: FakeStripeDelivery[];
  readonly requests: RecordedStripeRequest[];
  /** Requests with this method whose path starts with pathPrefix. */
  requestsTo(method: string, pathPrefix: string): RecordedStripeRequest[];
  /**
   * Every proration_behavior the app sent when changing a subscription or an item, in order; null when the request left
   * it out (Stripe then applies create_prorations).
   */
  readonly prorationBehaviors: Array<{ path: string; subscription: string; value: string | null }>;
  // State, for assertions (copies, shaped like Stripe's JSON):
  customer(id: string): Record<string, unknown> | undefined;
  subscription(id: string): StripeSubscriptionLike | undefined;
  /** The customer's subscriptions, oldest first, canceled ones included. */
  subscriptionsOf(customerId: string): StripeSubscriptionLike[];
  checkoutSession(id: string): Record<string, unknown> | undefined;
  invoice(id: string): StripeInvoiceLike | undefined;
  // Simulations (each changes state and then queues the events Stripe would send, in Stripe's order):
  /**
   * Pays an open Checkout Session: creates the subscription (status 'trialing' if subscription_data.trial_period_days
   * was given, else 'active'), marks the session complete, and queues checkout.session.completed,
   * customer.subscription.created, invoice.paid (invoice.paid only when not trialing). Returns the subscription.
   */
  completeCheckout(sessionId: string): Promise<StripeSubscriptionLike>;
  /** Renewal payment fails: status past_due; queues invoice.payment_failed then customer.subscription.updated. */
  failPayment(subscriptionId: string): Promise<void>;
  /** A later payment succeeds: status active; queues invoice.paid then customer.subscription.updated. */
  payInvoice(subscriptionId: string): Promise<void>;
  /**
   * As if the customer changed things in the Portal: price (plan switch), quantity, cancel_at_period_end, status.
   * Queues customer.subscription.updated.
   */
  updateSubscription(
    subscriptionId: string,
    change: { price?: string; quantity?: number; cancelAtPeriodEnd?: boolean; status?: string },
  ): Promise<void>;
  /** Ends it: status canceled; queues customer.subscription.deleted. */
  cancelSubscription(subscriptionId: string): Promise<void>;
  /** Queues customer.subscription.trial_will_end. */
  trialWillEnd(subscriptionId: string): Promise<void>;
  /** Builds an event (id evt_..., object 'event', api_version, created, type, data.object, livemode false) without sending it. */
  buildEvent(type: string, object: Record<string, unknown>): StripeEventLike;
  /** Signs a payload the way Stripe does, optionally with another secret or timestamp (seconds). */
  sign(payload: string, options?: { secret?: string; timestamp?: number }): string;
  /**
   * Sends one event now, past the queue (signed unless options.signature gives the header verbatim), and returns the
   * status the target answered. For replay / out-of-order / bad-signature tests.
   */
  deliver(
    event: StripeEventLike,
    options?: { secret?: string; timestamp?: number; signature?: string },
  ): Promise<number>;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

type CustomerLike = {
  id: string;
  object: 'customer';
  email: string | null;
  name: string | null;
  description: string | null;
  phone: string | null;
  metadata: Record<string, string>;
  created: number;
  livemode: false;
};

type CheckoutSessionLike = {
  id: string;
  object: 'checkout.session';
  // Stripe clears the URL once the session is no longer open.
  url: string | null;
  status: 'open' | 'complete';
  payment_status: 'unpaid' | 'paid' | 'no_payment_required';
  mode: 'subscription';
  customer: string | null;
  customer_email: string | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  subscription: string | null;
  success_url: string | null;
  cancel_url: string | null;
  amount_total: number;
  currency: string;
  created: number;
  expires_at: number;
  livemode: false;
};

/** What a session keeps that Stripe does not show on the session object itself. */
interface CheckoutSessionPrivate {
  lineItems: Array<{ price: StripePriceLike; quantity: number }>;
  subscriptionMetadata: Record<string, string>;
  trialPeriodDays?: number;
}

type PortalSessionLike = {
  id: string;
  object: 'billing_portal.session';
  customer: string;
  url: string;
  return_url: string | null;
  configuration: string;
  created: number;
  livemode: false;
};

/** Thrown by handlers; becomes Stripe's error envelope, which the SDK turns into its typed errors. */
class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: { type: string; message: string; code?: string; param?: string },
  ) {
    super(error.message);
  }
}

const DAY = 86_400;
const PLACEHOLDER = '{CHECKOUT_SESSION_ID}';
const SUBSCRIPTION_STATUSES = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'canceled',
  'unpaid',
  'paused',
];
const PRORATION_BEHAVIORS = ['create_prorations', 'none', 'always_invoice'];

function randomId(prefix: string, bytes = 12): string {
  return `${prefix}${randomBytes(bytes).toString('hex')}`;
}

function nowSeconds(): number {
  // Date.now, not a captured clock, so jest's fake `now` (test/support/clock.ts) moves the fake's time too.
  return Math.floor(Date.now() / 1000);
}

function addInterval(from: number, interval: 'month' | 'year'): number {
  return from + (interval === 'year' ? 365 : 30) * DAY;
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

function badRequest(message: string, param?: string, code?: string): StripeApiError {
  return new StripeApiError(400, {
    type: 'invalid_request_error',
    message,
    ...(code && { code }),
    ...(param && { param }),
  });
}

/** An unknown id in the URL is a 404; an unknown id in a parameter is a 400 naming the parameter, as on Stripe. */
function noSuch(kind: string, id: string, param?: string): StripeApiError {
  return new StripeApiError(param ? 400 : 404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${kind}: '${id}'`,
    param: param ?? 'id',
  });
}

// ---- Reading form parameters. The SDK sends everything as strings; qs turns brackets into objects and arrays. ----

function readString(params: StripeParams, name: string, label = name): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`Invalid string: ${label}`, label);
  return value;
}

function readInteger(params: StripeParams, name: string, label: string, min: number): number | undefined {
  const text = readString(params, name, label);
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) throw badRequest(`Invalid integer: ${text}`, label);
  const value = Number(text);
  if (value < min) throw badRequest(`This value must be greater than or equal to ${min}.`, label);
  return value;
}

function readBoolean(params: StripeParams, name: string, label = name): boolean | undefined {
  const text = readString(params, name, label);
  if (text === undefined) return undefined;
  if (text !== 'true' && text !== 'false') throw badRequest(`Invalid boolean: ${text}`, label);
  return text === 'true';
}

function isParams(value: unknown): value is StripeParams {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readObject(params: StripeParams, name: string, label = name): StripeParams | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (!isParams(value)) throw badRequest('Invalid object', label);
  return value;
}

/**
 * A list parameter. qs gives an array for small indices and an object keyed by index beyond its arrayLimit (or for
 * sparse indices), so accept both and order by index.
 */
function readList(params: StripeParams, name: string, label = name): Array<string | StripeParams> | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value;
  if (isParams(value) && Object.keys(value).every((key) => /^\d+$/.test(key))) {
    return Object.keys(value)
      .sort((a, b) => Number(a) - Number(b))
      .map((key) => {
        const entry = value[key];
        if (entry === undefined || Array.isArray(entry)) throw badRequest('Invalid array', `${label}[${key}]`);
        return entry;
      });
  }
  throw badRequest('Invalid array', label);
}

function readObjectList(params: StripeParams, name: string): StripeParams[] | undefined {
  return readList(params, name)?.map((entry, index) => {
    if (!isParams(entry)) throw badRequest('Invalid object', `${name}[${index}]`);
    return entry;
  });
}

function readStringList(params: StripeParams, name: string): string[] {
  return (readList(params, name) ?? []).map((entry, index) => {
    if (typeof entry !== 'string') throw badRequest('Invalid string', `${name}[${index}]`);
    return entry;
  });
}

/** metadata: undefined when absent, null for metadata='' (Stripe's "clear all"), else the keys to set ('' unsets one). */
function readMetadata(params: StripeParams, name = 'metadata'): Record<string, string> | null | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === '') return null;
  if (!isParams(value)) throw badRequest('Invalid object', name);
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw badRequest('Metadata values must be strings.', `${name}[${key}]`);
    result[key] = entry;
  }
  return result;
}

function applyMetadata(
  current: Record<string, string>,
  update: Record<string, string> | null | undefined,
): Record<string, string> {
  if (update === undefined) return current;
  if (update === null) return {};
  const next = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === '') delete next[key];
    else next[key] = value;
  }
  return next;
}

/**
 * Stripe rejects parameters it does not know; so does the fake, which also rejects real ones it does not model, so a
 * test never passes because the fake silently ignored what the app asked for.
 */
function allowOnly(params: StripeParams, allowed: readonly string[], prefix = ''): void {
  for (const key of Object.keys(params)) {
    if (key === 'expand' && prefix === '') continue;
    if (!allowed.includes(key)) {
      const name = prefix ? `${prefix}[${key}]` : key;
      throw badRequest(
        `Received unknown parameter: ${name} (the fake Stripe in apps/api/test/support/fake-stripe.ts does not model it)`,
        name,
      );
    }
  }
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

function formatAmount(amount: number, currency: string): string {
  return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
}

/** The top-level fields whose values differ, with their old values: Stripe's data.previous_attributes. */
function previousAttributes(before: Json, after: Json): Json {
  const changed: Json = {};
  for (const key of Object.keys(before)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = before[key];
  }
  return changed;
}

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  const secretKey = `sk_test_${randomBytes(16).toString('hex')}`;
  const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
  let target: WebhookTarget | undefined = options.webhookTarget;
  let closed = false;

  const requests: RecordedStripeRequest[] = [];
  const deliveries: FakeStripeDelivery[] = [];
  const prorationBehaviors: FakeStripe['prorationBehaviors'] = [];

  const prices = new Map<string, StripePriceLike>();
  for (const price of options.prices) {
    prices.set(price.id, {
      id: price.id,
      object: 'price',
      active: true,
      currency: price.currency ?? 'usd',
      unit_amount: price.unitAmount,
      product: price.product ?? `prod_${price.id}`,
      type: 'recurring',
      recurring: { interval: price.interval, interval_count: 1, usage_type: 'licensed' },
      metadata: {},
      livemode: false,
    });
  }
  // Maps keep insertion order, which is creation order; lists answer newest first, as Stripe does.
  const customers = new Map<string, CustomerLike>();
  const sessions = new Map<string, CheckoutSessionLike>();
  const sessionPrivate = new Map<string, CheckoutSessionPrivate>();
  const portalSessions = new Map<string, PortalSessionLike>();
  const subscriptions = new Map<string, StripeSubscriptionLike>();
  const invoices = new Map<string, StripeInvoiceLike>();
  const events = new Map<string, StripeEventLike>();
  const idempotent = new Map<string, { fingerprint: string; status: number; payload: string }>();

  // ---- Webhook events: one queue, one delivery at a time, in order. ----

  const queue: StripeEventLike[] = [];
  let queuedCount = 0;
  let settledCount = 0;
  let pumping = false;
  const waiters: Array<{ upTo: number; resolve: () => void }> = [];

  function releaseWaiters(): void {
    for (let index = waiters.length - 1; index >= 0; index--) {
      const waiter = waiters[index];
      if (waiter && (closed || !target || settledCount >= waiter.upTo)) {
        waiters.splice(index, 1);
        waiter.resolve();
      }
    }
  }

  function sign(payload: string, signOptions: { secret?: string; timestamp?: number } = {}): string {
    return Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: signOptions.secret ?? webhookSecret,
      timestamp: signOptions.timestamp,
    });
  }

  async function send(
    event: StripeEventLike,
    sendOptions: { secret?: string; timestamp?: number; signature?: string },
  ): Promise<number> {
    const current = target;
    if (!current) throw new Error('fake Stripe: no webhook target set (setWebhookTarget)');
    events.set(event.id, event);
    // Stripe sends the event pretty-printed; the signature covers these exact bytes.
    const payload = JSON.stringify(event, null, 2);
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'stripe-signature': sendOptions.signature ?? sign(payload, sendOptions),
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
    };
    let status = 0;
    let error: string | undefined;
    try {
      if (typeof current === 'function') {
        status = await current(payload, headers);
      } else {
        const response = await fetch(current, { method: 'POST', headers, body: payload });
        await response.arrayBuffer();
        status = response.status;
      }
    } catch (caught) {
      // Recorded rather than thrown: Stripe would just see a failed delivery.
      error = caught instanceof Error ? caught.message : String(caught);
    }
    deliveries.push(error === undefined ? { event, status } : { event, status, error });
    return status;
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (!closed && target && queue.length > 0) {
        const event = queue.shift();
        if (!event) break;
        // No retries on failure: tests see the status in `deliveries` and can deliver() again.
        await send(event, {});
        settledCount++;
        releaseWaiters();
      }
    } finally {
      pumping = false;
      releaseWaiters();
    }
  }

  function buildEvent(
    type: string,
    object: Json,
    extra: Partial<Pick<StripeEventLike, 'request'>> = {},
  ): StripeEventLike {
    return {
      id: randomId('evt_'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: nowSeconds(),
      type,
      livemode: false,
      pending_webhooks: 1,
      request: extra.request ?? { id: null, idempotency_key: null },
      data: { object: copy(object) },
    };
  }

  /** Queues an event carrying a snapshot of the object now; delivery starts after the current request has answered. */
  function enqueue(type: string, object: Json, previous?: Json, request?: StripeEventLike['request']): void {
    const event = buildEvent(type, object, request ? { request } : {});
    if (previous) event.data.previous_attributes = copy(previous);
    events.set(event.id, event);
    queue.push(event);
    queuedCount++;
    setImmediate(() => void pump());
  }

  function drain(): Promise<void> {
    if (closed || !target || settledCount >= queuedCount) return Promise.resolve();
    return new Promise((resolve) => waiters.push({ upTo: queuedCount, resolve }));
  }

  // ---- State helpers shared by the API and the simulations. ----

  function knownPrice(id: string, param?: string): StripePriceLike {
    const price = prices.get(id);
    if (!price) throw noSuch('price', id, param);
    return price;
  }

  function knownSubscription(id: string): StripeSubscriptionLike {
    const subscription = subscriptions.get(id);
    if (!subscription) throw noSuch('subscription', id);
    return subscription;
  }

  function findItem(id: string): { subscription: StripeSubscriptionLike; item: StripeSubscriptionItemLike } {
    for (const subscription of subscriptions.values()) {
      const item = subscription.items.data.find((candidate) => candidate.id === id);
      if (item) return { subscription, item };
    }
    throw noSuch('subscription_item', id);
  }

  function newItem(subscription: string, price: StripePriceLike, quantity: number, start: number, end: number) {
    const item: StripeSubscriptionItemLike = {
      id: randomId('si_'),
      object: 'subscription_item',
      subscription,
      price: copy(price),
      quantity,
      metadata: {},
      created: nowSeconds(),
      current_period_start: start,
      current_period_end: end,
    };
    return item;
  }

  function setItems(subscription: StripeSubscriptionLike, items: StripeSubscriptionItemLike[]): void {
    subscription.items = { ...subscription.items, data: items, total_count: items.length };
  }

  function createInvoice(
    subscription: StripeSubscriptionLike,
    billingReason: StripeInvoiceLike['billing_reason'],
    paid: boolean,
    previousPeriod: { start: number; end: number },
  ): StripeInvoiceLike {
    const now = nowSeconds();
    const id = randomId('in_');
    const lines = subscription.items.data.map((item) => ({
      id: randomId('il_'),
      object: 'line_item' as const,
      amount: item.price.unit_amount * item.quantity,
      currency: item.price.currency,
      quantity: item.quantity,
      period: { start: item.current_period_start, end: item.current_period_end },
      pricing: {
        type: 'price_details' as const,
        price_details: { price: item.price.id, product: item.price.product },
      },
    }));
    const total = lines.reduce((sum, line) => sum + line.amount, 0);
    const invoice: StripeInvoiceLike = {
      id,
      object: 'invoice',
      customer: subscription.customer,
      status: paid ? 'paid' : 'open',
      billing_reason: billingReason,
      amount_due: total,
      amount_paid: paid ? total : 0,
      amount_remaining: paid ? 0 : total,
      attempt_count: 1,
      currency: subscription.currency,
      parent: {
        type: 'subscription_details',
        subscription_details: { subscription: subscription.id, metadata: copy(subscription.metadata) },
      },
      period_start: previousPeriod.start,
      period_end: previousPeriod.end,
      // Stripe's Smart Retries would try again in a few days.
      next_payment_attempt: paid ? null : now + 3 * DAY,
      created: now,
      lines: {
        object: 'list',
        data: lines,
        has_more: false,
        total_count: lines.length,
        url: `/v1/invoices/${id}/lines`,
      },
      livemode: false,
    };
    invoices.set(id, invoice);
    subscription.latest_invoice = id;
    return invoice;
  }

  /** A renewal: every item moves to its next period; returns the period that just ended (the invoice's period). */
  function advancePeriod(subscription: StripeSubscriptionLike): { start: number; end: number } {
    const first = subscription.items.data[0];
    const ended = {
      start: first?.current_period_start ?? nowSeconds(),
      end: first?.current_period_end ?? nowSeconds(),
    };
    setItems(
      subscription,
      subscription.items.data.map((item) => ({
        ...item,
        current_period_start: item.current_period_end,
        current_period_end: addInterval(item.current_period_end, item.price.recurring.interval),
      })),
    );
    return ended;
  }

  function endSubscription(subscription: StripeSubscriptionLike): void {
    const now = nowSeconds();
    subscription.status = 'canceled';
    subscription.canceled_at = now;
    subscription.ended_at = now;
  }

  function openSubscription(id: string): StripeSubscriptionLike {
    const subscription = subscriptions.get(id);
    if (!subscription) throw new Error(`fake Stripe: no subscription ${id}`);
    if (subscription.status === 'canceled') throw new Error(`fake Stripe: subscription ${id} is canceled`);
    return subscription;
  }

  function completeCheckout(sessionId: string): StripeSubscriptionLike {
    const session = sessions.get(sessionId);
    const extra = sessionPrivate.get(sessionId);
    if (!session || !extra) throw new Error(`fake Stripe: no Checkout Session ${sessionId}`);
    if (session.status !== 'open') throw new Error(`fake Stripe: Checkout Session ${sessionId} is ${session.status}`);
    const now = nowSeconds();
    let customerId = session.customer;
    if (!customerId) {
      // Subscription mode always creates a customer when the session did not name one.
      const customer = newCustomer({ email: session.customer_email });
      customerId = customer.id;
    }
    const trialing = (extra.trialPeriodDays ?? 0) > 0;
    const trialEnd = trialing ? now + (extra.trialPeriodDays ?? 0) * DAY : null;
    const id = randomId('sub_');
    const items = extra.lineItems.map(({ price, quantity }) =>
      // During a trial the current period is the trial itself.
      newItem(id, price, quantity, now, trialEnd ?? addInterval(now, price.recurring.interval)),
    );
    const subscription: StripeSubscriptionLike = {
      id,
      object: 'subscription',
      customer: customerId,
      status: trialing ? 'trialing' : 'active',
      metadata: { ...extra.subscriptionMetadata },
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      ended_at: null,
      trial_start: trialing ? now : null,
      trial_end: trialEnd,
      created: now,
      start_date: now,
      currency: session.currency,
      collection_method: 'charge_automatically',
      latest_invoice: null,
      livemode: false,
      items: {
        object: 'list',
        data: items,
        has_more: false,
        total_count: items.length,
        url: `/v1/subscription_items?subscription=${id}`,
      },
    };
    subscriptions.set(id, subscription);
    // The first invoice covers the first period; a trial has nothing to charge yet.
    const invoice = trialing
      ? undefined
      : createInvoice(subscription, 'subscription_create', true, { start: now, end: now });
    session.status = 'complete';
    // Stripe says no_payment_required when a trial means nothing was charged.
    session.payment_status = trialing ? 'no_payment_required' : 'paid';
    session.customer = customerId;
    session.subscription = id;
    session.url = null;
    enqueue('checkout.session.completed', session);
    enqueue('customer.subscription.created', subscription);
    if (invoice) enqueue('invoice.paid', invoice);
    return copy(subscription);
  }

  function newCustomer(fields: Partial<Pick<CustomerLike, 'email' | 'name' | 'description' | 'phone' | 'metadata'>>) {
    const customer: CustomerLike = {
      id: randomId('cus_', 7),
      object: 'customer',
      email: fields.email ?? null,
      name: fields.name ?? null,
      description: fields.description ?? null,
      phone: fields.phone ?? null,
      metadata: fields.metadata ?? {},
      created: nowSeconds(),
      livemode: false,
    };
    customers.set(customer.id, customer);
    return customer;
  }

  // ---- The API. Handlers return the response object or throw StripeApiError. ----

  interface ApiRequest {
    method: string;
    /** The body for POST, the query string for GET and DELETE (where the SDK puts them). */
    params: StripeParams;
    requestId: string;
    idempotencyKey?: string;
  }
  type Handler = (request: ApiRequest, id: string) => Json;

  /** The event's `request` field for events an API call caused. */
  function causedBy(request: ApiRequest): StripeEventLike['request'] {
    return { id: request.requestId, idempotency_key: request.idempotencyKey ?? null };
  }

  function list(all: Json[], params: StripeParams, url: string): Json {
    const limit = readInteger(params, 'limit', 'limit', 1) ?? 10;
    if (limit > 100) throw badRequest('This value must be less than or equal to 100.', 'limit');
    const newestFirst = [...all].reverse();
    const after = readString(params, 'starting_after');
    let start = 0;
    if (after !== undefined) {
      const index = newestFirst.findIndex((entry) => entry.id === after);
      if (index < 0) throw noSuch('object', after, 'starting_after');
      start = index + 1;
    }
    const data = newestFirst.slice(start, start + limit);
    return { object: 'list', data: copy(data), has_more: start + limit < newestFirst.length, url };
  }

  function recordProration(request: ApiRequest, path: string, subscription: string): void {
    const value = readString(request.params, 'proration_behavior');
    if (value !== undefined && !PRORATION_BEHAVIORS.includes(value)) {
      throw badRequest(
        `Invalid proration_behavior: must be one of ${PRORATION_BEHAVIORS.join(', ')}`,
        'proration_behavior',
      );
    }
    prorationBehaviors.push({ path, subscription, value: value ?? null });
  }

  /** Queues customer.subscription.updated when the call changed anything, as Stripe does. */
  function emitIfChanged(request: ApiRequest, before: StripeSubscriptionLike, after: StripeSubscriptionLike): void {
    const previous = previousAttributes(before, after);
    if (Object.keys(previous).length > 0) {
      enqueue('customer.subscription.updated', after, previous, causedBy(request));
    }
  }

  const createCustomer: Handler = (request) => {
    const params = request.params;
    allowOnly(params, ['email', 'name', 'description', 'phone', 'metadata', 'preferred_locales']);
    return newCustomer({
      email: readString(params, 'email') ?? null,
      name: readString(params, 'name') ?? null,
      description: readString(params, 'description') ?? null,
      phone: readString(params, 'phone') ?? null,
      metadata: applyMetadata({}, readMetadata(params)),
    });
  };

  const updateCustomer: Handler = (request, id) => {
    const customer = customers.get(id);
    if (!customer) throw noSuch('customer', id);
    const params = request.params;
    allowOnly(params, ['email', 'name', 'description', 'phone', 'metadata', 'preferred_locales']);
    for (const field of ['email', 'name', 'description', 'phone'] as const) {
      const value = readString(params, field);
      // '' unsets a field on Stripe.
      if (value !== undefined) customer[field] = value === '' ? null : value;
    }
    customer.metadata = applyMetadata(customer.metadata, readMetadata(params));
    return customer;
  };

  const getCustomer: Handler = (_request, id) => {
    const customer = customers.get(id);
    if (!customer) throw noSuch('customer', id);
    return customer;
  };

  const createCheckoutSession: Handler = (request) => {
    const params = request.params;
    allowOnly(params, [
      'mode',
      'customer',
      'customer_email',
      'line_items',
      'success_url',
      'cancel_url',
      'client_reference_id',
      'metadata',
      'subscription_data',
      // Accepted and ignored: they change the Checkout page, not the resulting subscription.
      'allow_promotion_codes',
      'billing_address_collection',
      'customer_update',
      'locale',
      'payment_method_collection',
      'payment_method_types',
      'tax_id_collection',
      'automatic_tax',
      'consent_collection',
      'custom_text',
      'ui_mode',
    ]);
    const mode = readString(params, 'mode');
    if (mode === undefined) throw badRequest('Missing required param: mode.', 'mode');
    if (mode !== 'subscription') {
      throw badRequest(`The fake Stripe only supports mode=subscription, not ${mode}.`, 'mode');
    }
    const customer = readString(params, 'customer');
    const customerEmail = readString(params, 'customer_email');
    if (customer !== undefined && customerEmail !== undefined) {
      throw badRequest('You may only specify one of these parameters: customer, customer_email.', 'customer_email');
    }
    if (customer !== undefined && !customers.has(customer)) throw noSuch('customer', customer, 'customer');
    const entries = readObjectList(params, 'line_items') ?? [];
    if (entries.length === 0) throw badRequest('Missing required param: line_items.', 'line_items');
    const lineItems = entries.map((entry, index) => {
      allowOnly(
        entry,
        ['price', 'quantity', 'tax_rates', 'dynamic_tax_rates', 'adjustable_quantity'],
        `line_items[${index}]`,
      );
      const priceId = readString(entry, 'price', `line_items[${index}][price]`);
      if (priceId === undefined) {
        throw badRequest(`Missing required param: line_items[${index}][price].`, `line_items[${index}][price]`);
      }
      const price = knownPrice(priceId, `line_items[${index}][price]`);
      return { price, quantity: readInteger(entry, 'quantity', `line_items[${index}][quantity]`, 1) ?? 1 };
    });
    const currencies = new Set(lineItems.map((item) => item.price.currency));
    if (currencies.size > 1) throw badRequest('All prices must be in the same currency.', 'line_items');
    const subscriptionData = readObject(params, 'subscription_data') ?? {};
    allowOnly(
      subscriptionData,
      ['metadata', 'trial_period_days', 'description', 'trial_settings', 'default_tax_rates'],
      'subscription_data',
    );
    const trialPeriodDays = readInteger(
      subscriptionData,
      'trial_period_days',
      'subscription_data[trial_period_days]',
      1,
    );
    const now = nowSeconds();
    const id = randomId('cs_test_', 24);
    const session: CheckoutSessionLike = {
      id,
      object: 'checkout.session',
      url: `${base}/pay/${id}`,
      status: 'open',
      payment_status: 'unpaid',
      mode: 'subscription',
      customer: customer ?? null,
      customer_email: customerEmail ?? null,
      client_reference_id: readString(params, 'client_reference_id') ?? null,
      metadata: applyMetadata({}, readMetadata(params)),
      subscription: null,
      // Kept as given, placeholder included: it is substituted only on the redirect, as on Stripe.
      success_url: readString(params, 'success_url') ?? null,
      cancel_url: readString(params, 'cancel_url') ?? null,
      amount_total: lineItems.reduce((sum, item) => sum + item.price.unit_amount * item.quantity, 0),
      currency: lineItems[0]?.price.currency ?? 'usd',
      created: now,
      expires_at: now + DAY,
      livemode: false,
    };
    sessions.set(id, session);
    sessionPrivate.set(id, {
      lineItems,
      subscriptionMetadata: applyMetadata({}, readMetadata(subscriptionData, 'metadata')),
      ...(trialPeriodDays !== undefined && { trialPeriodDays }),
    });
    return session;
  };

  const getCheckoutSession: Handler = (_request, id) => {
    const session = sessions.get(id);
    if (!session) throw noSuch('checkout.session', id);
    return session;
  };

  const getCheckoutLineItems: Handler = (request, id) => {
    const extra = sessionPrivate.get(id);
    if (!extra) throw noSuch('checkout.session', id);
    const data = extra.lineItems.map(({ price, quantity }, index) => ({
      id: `li_${id.slice(-12)}${index}`,
      object: 'item',
      price: copy(price),
      quantity,
      currency: price.currency,
      amount_subtotal: price.unit_amount * quantity,
      amount_total: price.unit_amount * quantity,
    }));
    // list() answers newest first; line items keep their order.
    return list([...data].reverse(), request.params, `/v1/checkout/sessions/${id}/line_items`);
  };

  const createPortalSession: Handler = (request) => {
    const params = request.params;
    allowOnly(params, ['customer', 'return_url', 'configuration', 'locale', 'flow_data', 'on_behalf_of']);
    const customer = readString(params, 'customer');
    if (customer === undefined) throw badRequest('Missing required param: customer.', 'customer');
    if (!customers.has(customer)) throw noSuch('customer', customer, 'customer');
    const id = randomId('bps_');
    const session: PortalSessionLike = {
      id,
      object: 'billing_portal.session',
      customer,
      url: `${base}/portal/${id}`,
      return_url: readString(params, 'return_url') ?? null,
      configuration: readString(params, 'configuration') ?? 'bpc_fake_default',
      created: nowSeconds(),
      livemode: false,
    };
    portalSessions.set(id, session);
    return session;
  };

  const getSubscription: Handler = (_request, id) => knownSubscription(id);

  const listSubscriptions: Handler = (request) => {
    const params = request.params;
    allowOnly(params, ['customer', 'status', 'price', 'limit', 'starting_after']);
    const customer = readString(params, 'customer');
    const status = readString(params, 'status');
    const price = readString(params, 'price');
    if (status !== undefined && !['all', 'ended', ...SUBSCRIPTION_STATUSES].includes(status)) {
      throw badRequest(`Invalid status: ${status}`, 'status');
    }
    const matches = [...subscriptions.values()].filter((subscription) => {
      if (customer !== undefined && subscription.customer !== customer) return false;
      if (price !== undefined && !subscription.items.data.some((item) => item.price.id === price)) return false;
      // Without a status Stripe leaves out canceled subscriptions.
      if (status === undefined) return subscription.status !== 'canceled';
      if (status === 'all') return true;
      if (status === 'ended') return ['canceled', 'incomplete_expired'].includes(subscription.status);
      return subscription.status === status;
    });
    return list(matches, params, '/v1/subscriptions');
  };

  const updateSubscriptionApi: Handler = (request, id) => {
    const subscription = knownSubscription(id);
    const params = request.params;
    allowOnly(params, [
      'items',
      'proration_behavior',
      'cancel_at_period_end',
      'cancel_at',
      'metadata',
      'description',
      'cancellation_details',
      'payment_behavior',
    ]);
    const onlyMetadata = Object.keys(params).every((key) =>
      ['metadata', 'cancellation_details', 'expand'].includes(key),
    );
    if (subscription.status === 'canceled' && !onlyMetadata) {
      throw badRequest('A canceled subscription can only update its cancellation_details and metadata.');
    }
    const before = copy(subscription);
    const next = copy(subscription);
    const itemUpdates = readObjectList(params, 'items');
    if (itemUpdates) {
      let items = [...next.items.data];
      itemUpdates.forEach((update, index) => {
        const label = `items[${index}]`;
        allowOnly(update, ['id', 'price', 'quantity', 'deleted', 'metadata', 'clear_usage', 'tax_rates'], label);
        const itemId = readString(update, 'id', `${label}[id]`);
        const priceId = readString(update, 'price', `${label}[price]`);
        const price = priceId === undefined ? undefined : knownPrice(priceId, `${label}[price]`);
        const quantity = readInteger(update, 'quantity', `${label}[quantity]`, 0);
        if (itemId === undefined) {
          // No id: a new item, which needs a price.
          if (!price) throw badRequest(`Missing required param: ${label}[price].`, `${label}[price]`);
          const period = items[0] ?? { current_period_start: nowSeconds(), current_period_end: nowSeconds() };
          items.push(newItem(id, price, quantity ?? 1, period.current_period_start, period.current_period_end));
          return;
        }
        const existing = items.find((item) => item.id === itemId);
        if (!existing) throw noSuch('subscription_item', itemId, `${label}[id]`);
        if (readBoolean(update, 'deleted', `${label}[deleted]`)) {
          items = items.filter((item) => item.id !== itemId);
          return;
        }
        const changed: StripeSubscriptionItemLike = {
          ...existing,
          ...(price && { price: copy(price) }),
          ...(quantity !== undefined && { quantity }),
          metadata: applyMetadata(existing.metadata, readMetadata(update)),
        };
        items = items.map((item) => (item.id === itemId ? changed : item));
      });
      if (items.length === 0) throw badRequest('A subscription must have at least one active plan.', 'items');
      setItems(next, items);
    }
    const cancelAtPeriodEnd = readBoolean(params, 'cancel_at_period_end');
    if (cancelAtPeriodEnd !== undefined) {
      next.cancel_at_period_end = cancelAtPeriodEnd;
      next.cancel_at = cancelAtPeriodEnd ? (next.items.data[0]?.current_period_end ?? null) : null;
    }
    if (params.cancel_at !== undefined) {
      next.cancel_at = params.cancel_at === '' ? null : (readInteger(params, 'cancel_at', 'cancel_at', 0) ?? null);
    }
    next.metadata = applyMetadata(next.metadata, readMetadata(params));
    if (itemUpdates || params.proration_behavior !== undefined) recordProration(request, `/v1/subscriptions/${id}`, id);
    subscriptions.set(id, next);
    emitIfChanged(request, before, next);
    return next;
  };

  const cancelSubscriptionApi: Handler = (request, id) => {
    const subscription = knownSubscription(id);
    allowOnly(request.params, ['invoice_now', 'prorate', 'cancellation_details']);
    if (subscription.status === 'canceled') {
      throw badRequest(`This subscription has already been canceled: '${id}'`);
    }
    endSubscription(subscription);
    enqueue('customer.subscription.deleted', subscription, undefined, causedBy(request));
    return subscription;
  };

  const getSubscriptionItem: Handler = (_request, id) => findItem(id).item;

  const updateSubscriptionItem: Handler = (request, id) => {
    const { subscription, item } = findItem(id);
    const params = request.params;
    allowOnly(params, ['quantity', 'price', 'proration_behavior', 'metadata', 'payment_behavior', 'proration_date']);
    if (subscription.status === 'canceled') {
      throw badRequest('A canceled subscription can only update its cancellation_details and metadata.');
    }
    const priceId = readString(params, 'price');
    const price = priceId === undefined ? undefined : knownPrice(priceId, 'price');
    const quantity = readInteger(params, 'quantity', 'quantity', 0);
    recordProration(request, `/v1/subscription_items/${id}`, subscription.id);
    const before = copy(subscription);
    const changed: StripeSubscriptionItemLike = {
      ...item,
      ...(price && { price: copy(price) }),
      ...(quantity !== undefined && { quantity }),
      metadata: applyMetadata(item.metadata, readMetadata(params)),
    };
    setItems(
      subscription,
      subscription.items.data.map((candidate) => (candidate.id === id ? changed : candidate)),
    );
    emitIfChanged(request, before, subscription);
    return changed;
  };

  const getPrice: Handler = (_request, id) => {
    const price = prices.get(id);
    if (!price) throw noSuch('price', id);
    return price;
  };

  const getInvoice: Handler = (_request, id) => {
    const invoice = invoices.get(id);
    if (!invoice) throw noSuch('invoice', id);
    return invoice;
  };

  const listInvoices: Handler = (request) => {
    const params = request.params;
    allowOnly(params, ['customer', 'subscription', 'status', 'limit', 'starting_after']);
    const customer = readString(params, 'customer');
    const subscription = readString(params, 'subscription');
    const status = readString(params, 'status');
    const matches = [...invoices.values()].filter(
      (invoice) =>
        (customer === undefined || invoice.customer === customer) &&
        (subscription === undefined || invoice.parent.subscription_details.subscription === subscription) &&
        (status === undefined || invoice.status === status),
    );
    return list(matches, params, '/v1/invoices');
  };

  const getEvent: Handler = (_request, id) => {
    const event = events.get(id);
    if (!event) throw noSuch('event', id);
    return event;
  };

  const routes: Array<{ method: string; pattern: RegExp; handler: Handler }> = [
    { method: 'POST', pattern: /^\/v1\/customers$/, handler: createCustomer },
    { method: 'GET', pattern: /^\/v1\/customers\/([^/]+)$/, handler: getCustomer },
    { method: 'POST', pattern: /^\/v1\/customers\/([^/]+)$/, handler: updateCustomer },
    { method: 'POST', pattern: /^\/v1\/checkout\/sessions$/, handler: createCheckoutSession },
    { method: 'GET', pattern: /^\/v1\/checkout\/sessions\/([^/]+)$/, handler: getCheckoutSession },
    { method: 'GET', pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/line_items$/, handler: getCheckoutLineItems },
    { method: 'POST', pattern: /^\/v1\/billing_portal\/sessions$/, handler: createPortalSession },
    { method: 'GET', pattern: /^\/v1\/subscriptions$/, handler: listSubscriptions },
    { method: 'GET', pattern: /^\/v1\/subscriptions\/([^/]+)$/, handler: getSubscription },
    { method: 'POST', pattern: /^\/v1\/subscriptions\/([^/]+)$/, handler: updateSubscriptionApi },
    { method: 'DELETE', pattern: /^\/v1\/subscriptions\/([^/]+)$/, handler: cancelSubscriptionApi },
    { method: 'GET', pattern: /^\/v1\/subscription_items\/([^/]+)$/, handler: getSubscriptionItem },
    { method: 'POST', pattern: /^\/v1\/subscription_items\/([^/]+)$/, handler: updateSubscriptionItem },
    { method: 'GET', pattern: /^\/v1\/prices\/([^/]+)$/, handler: getPrice },
    { method: 'GET', pattern: /^\/v1\/invoices$/, handler: listInvoices },
    { method: 'GET', pattern: /^\/v1\/invoices\/([^/]+)$/, handler: getInvoice },
    { method: 'GET', pattern: /^\/v1\/events\/([^/]+)$/, handler: getEvent },
  ];

  /** Any object the fake holds, by id: what expand[] can turn an id into. */
  function lookup(id: string): Json | undefined {
    return (
      customers.get(id) ??
      subscriptions.get(id) ??
      invoices.get(id) ??
      sessions.get(id) ??
      prices.get(id) ??
      portalSessions.get(id)
    );
  }

  /**
   * expand[]=a.b: replaces the id at that path with the object, through lists (data.…) and arrays. Ids the fake does
   * not hold, and fields that are already objects or null, are left as they are.
   */
  function expand(value: unknown, path: string[]): unknown {
    const [key, ...rest] = path;
    if (key === undefined) return value;
    if (Array.isArray(value)) return value.map((entry) => expand(entry, path));
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Json;
    let field = record[key];
    if (typeof field === 'string') field = copy(lookup(field)) ?? field;
    return { ...record, [key]: expand(field, rest) };
  }

  function expandAll(result: Json, params: StripeParams): Json {
    let expanded: unknown = result;
    for (const path of readStringList(params, 'expand')) expanded = expand(expanded, path.split('.'));
    return expanded as Json;
  }

  function authorized(header: string | undefined): boolean {
    if (!header) return false;
    const bearer = /^Bearer\s+(.+)$/i.exec(header);
    if (bearer) return bearer[1] === secretKey;
    // curl -u sk_test_…: sends the key as the Basic user name.
    const basic = /^Basic\s+(.+)$/i.exec(header);
    return basic
      ? Buffer.from(basic[1] ?? '', 'base64')
          .toString('utf8')
          .split(':')[0] === secretKey
      : false;
  }

  function handleApi(recorded: RecordedStripeRequest, response: http.ServerResponse): void {
    const requestId = randomId('req_', 7);
    const reply = (status: number, payload: string, replayed = false) => {
      response.writeHead(status, {
        'content-type': 'application/json',
        'request-id': requestId,
        'stripe-version': recorded.stripeVersion ?? Stripe.API_VERSION,
        ...(recorded.idempotencyKey && { 'idempotency-key': recorded.idempotencyKey }),
        ...(replayed && { 'idempotent-replayed': 'true' }),
      });
      response.end(payload);
    };
    const fail = (error: StripeApiError) =>
      reply(error.status, JSON.stringify({ error: { ...error.error, request_log_url: null } }, null, 2));

    if (!authorized(recorded.authorization)) {
      const message = recorded.authorization
        ? `Invalid API Key provided: ${recorded.authorization.replace(/^\S+\s+/, '').slice(0, 8)}********`
        : 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.';
      return fail(new StripeApiError(401, { type: 'invalid_request_error', message }));
    }

    // Stripe replays the stored answer for a reused key, and refuses the key with different parameters.
    const key = recorded.method === 'POST' ? recorded.idempotencyKey : undefined;
    const fingerprint = JSON.stringify([recorded.method, recorded.path, recorded.body]);
    const stored = key === undefined ? undefined : idempotent.get(key);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        return fail(
          new StripeApiError(400, {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          }),
        );
      }
      return reply(stored.status, stored.payload, true);
    }

    const route = routes
      .map((candidate) => ({ candidate, match: candidate.pattern.exec(recorded.path) }))
      .find(({ candidate, match }) => match && candidate.method === recorded.method);
    if (!route?.match) {
      return fail(
        new StripeApiError(404, {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${recorded.method}: ${recorded.path}). The fake Stripe does not serve it.`,
        }),
      );
    }
    const params = recorded.method === 'POST' ? recorded.body : recorded.query;
    try {
      const result = route.candidate.handler(
        {
          method: recorded.method,
          params,
          requestId,
          ...(recorded.idempotencyKey && { idempotencyKey: recorded.idempotencyKey }),
        },
        decodeURIComponent(route.match[1] ?? ''),
      );
      const payload = JSON.stringify(expandAll(copy(result), params), null, 2);
      // Only successes are stored: Stripe does not store an answer when the parameters failed validation.
      if (key !== undefined) idempotent.set(key, { fingerprint, status: 200, payload });
      reply(200, payload);
    } catch (error) {
      if (error instanceof StripeApiError) return fail(error);
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`fake Stripe: ${recorded.method} ${recorded.path} failed`, error);
      fail(new StripeApiError(500, { type: 'api_error', message: `The fake Stripe failed: ${message}` }));
    }
  }

  // ---- The pages a browser sees instead of Stripe Checkout and the Customer Portal. ----

  async function handlePage(recorded: RecordedStripeRequest, response: http.ServerResponse): Promise<void> {
    const html = (status: number, title: string, body: string) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page(title, body));
    };
    const pay = /^\/pay\/([^/]+)$/.exec(recorded.path);
    if (pay) {
      const id = decodeURIComponent(pay[1] ?? '');
      const session = sessions.get(id);
      const extra = sessionPrivate.get(id);
      if (!session || !extra) return html(404, 'Fake Checkout', '<p>This Checkout Session does not exist.</p>');
      if (session.status !== 'open') {
        return html(410, 'Fake Checkout', '<p>This Checkout Session is no longer open.</p>');
      }
      if (recorded.method === 'POST') {
        completeCheckout(id);
        // The instance must have the events before the browser comes back to it.
        await drain();
        if (!session.success_url) return html(200, 'Fake Checkout', '<p>Payment complete.</p>');
        response.writeHead(303, { location: session.success_url.split(PLACEHOLDER).join(id) });
        return void response.end();
      }
      const rows = extra.lineItems
        .map(
          ({ price, quantity }) =>
            `<tr><td class="price">${escapeHtml(price.id)}</td><td>Quantity: <span class="quantity">${quantity}</span></td>` +
            `<td>${escapeHtml(formatAmount(price.unit_amount * quantity, price.currency))} / ${price.recurring.interval}</td></tr>`,
        )
        .join('\n');
      const trial = extra.trialPeriodDays ? `<p>Free trial: ${extra.trialPeriodDays} days</p>` : '';
      return html(
        200,
        'Fake Checkout',
        `<table>\n${rows}\n</table>\n${trial}\n` +
          `<form method="post" action="/pay/${escapeHtml(encodeURIComponent(id))}"><button type="submit">Pay and subscribe</button></form>\n` +
          (session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel</a></p>` : ''),
      );
    }
    const portal = /^\/portal\/([^/]+)$/.exec(recorded.path);
    if (portal && recorded.method === 'GET') {
      const session = portalSessions.get(decodeURIComponent(portal[1] ?? ''));
      if (!session) return html(404, 'Fake Customer Portal', '<p>This portal session does not exist.</p>');
      const rows = [...subscriptions.values()]
        .filter((subscription) => subscription.customer === session.customer)
        .map(
          (subscription) =>
            `<li>${escapeHtml(subscription.id)}: ${escapeHtml(subscription.status)}, ` +
            subscription.items.data.map((item) => `${escapeHtml(item.price.id)} × ${item.quantity}`).join(', ') +
            '</li>',
        )
        .join('\n');
      return html(
        200,
        'Fake Customer Portal',
        `<p>Customer: ${escapeHtml(session.customer)}</p>\n<ul>\n${rows}\n</ul>\n` +
          (session.return_url ? `<p><a href="${escapeHtml(session.return_url)}">Return to LynxPrompt</a></p>` : ''),
      );
    }
    html(404, 'Not found', '<p>The fake Stripe does not serve this page.</p>');
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake-stripe');
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      // Generous limits: the default arrayLimit (20) would turn line_items[25] into an object; readList copes either way.
      const parse = (text: string) => qs.parse(text, { depth: 10, arrayLimit: 1000, parameterLimit: 10_000 });
      const recorded: RecordedStripeRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: parse(url.search.slice(1)),
        body: parse(Buffer.concat(chunks).toString('utf8')),
      };
      const idempotencyKey = header('idempotency-key');
      const authorization = header('authorization');
      const stripeVersion = header('stripe-version');
      if (idempotencyKey !== undefined) recorded.idempotencyKey = idempotencyKey;
      if (authorization !== undefined) recorded.authorization = authorization;
      if (stripeVersion !== undefined) recorded.stripeVersion = stripeVersion;
      requests.push(recorded);
      if (url.pathname.startsWith('/v1/')) return handleApi(recorded, response);
      handlePage(recorded, response).catch((error: unknown) => {
        console.error('fake Stripe: page failed', error);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    port,
    secretKey,
    webhookSecret,
    env: { STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_URL: base },
    deliveries,
    requests,
    prorationBehaviors,
    setWebhookTarget(next) {
      target = next;
      setImmediate(() => void pump());
    },
    drain,
    requestsTo(method, pathPrefix) {
      return requests.filter(
        (request) => request.method === method.toUpperCase() && request.path.startsWith(pathPrefix),
      );
    },
    customer(id) {
      const customer = customers.get(id);
      return customer && copy(customer);
    },
    subscription(id) {
      const subscription = subscriptions.get(id);
      return subscription && copy(subscription);
    },
    subscriptionsOf(customerId) {
      return [...subscriptions.values()].filter((subscription) => subscription.customer === customerId).map(copy);
    },
    checkoutSession(id) {
      const session = sessions.get(id);
      return session && copy(session);
    },
    invoice(id) {
      const invoice = invoices.get(id);
      return invoice && copy(invoice);
    },
    async completeCheckout(sessionId) {
      return completeCheckout(sessionId);
    },
    async failPayment(subscriptionId) {
      const subscription = openSubscription(subscriptionId);
      const before = copy(subscription);
      const latest = subscription.latest_invoice ? invoices.get(subscription.latest_invoice) : undefined;
      let invoice: StripeInvoiceLike;
      if (latest?.status === 'open') {
        // Another failed attempt at the same renewal invoice.
        latest.attempt_count++;
        latest.next_payment_attempt = nowSeconds() + 3 * DAY;
        invoice = latest;
      } else {
        invoice = createInvoice(subscription, 'subscription_cycle', false, advancePeriod(subscription));
      }
      subscription.status = 'past_due';
      enqueue('invoice.payment_failed', invoice);
      enqueue('customer.subscription.updated', subscription, previousAttributes(before, subscription));
    },
    async payInvoice(subscriptionId) {
      const subscription = openSubscription(subscriptionId);
      const before = copy(subscription);
      const latest = subscription.latest_invoice ? invoices.get(subscription.latest_invoice) : undefined;
      let invoice: StripeInvoiceLike;
      if (latest?.status === 'open') {
        latest.status = 'paid';
        latest.amount_paid = latest.amount_due;
        latest.amount_remaining = 0;
        latest.next_payment_attempt = null;
        invoice = latest;
      } else {
        // Nothing outstanding: this is the next renewal (or the first charge after a trial), paid at once.
        invoice = createInvoice(subscription, 'subscription_cycle', true, advancePeriod(subscription));
      }
      subscription.status = 'active';
      enqueue('invoice.paid', invoice);
      enqueue('customer.subscription.updated', subscription, previousAttributes(before, subscription));
    },
    async updateSubscription(subscriptionId, change) {
      const subscription = openSubscription(subscriptionId);
      const before = copy(subscription);
      const price = change.price === undefined ? undefined : prices.get(change.price);
      if (change.price !== undefined && !price) throw new Error(`fake Stripe: unknown price ${change.price}`);
      if (price || change.quantity !== undefined) {
        const [first, ...rest] = subscription.items.data;
        if (first) {
          setItems(subscription, [
            {
              ...first,
              ...(price && { price: copy(price) }),
              ...(change.quantity !== undefined && { quantity: change.quantity }),
            },
            ...rest,
          ]);
        }
      }
      if (change.cancelAtPeriodEnd !== undefined) {
        subscription.cancel_at_period_end = change.cancelAtPeriodEnd;
        subscription.cancel_at = change.cancelAtPeriodEnd
          ? (subscription.items.data[0]?.current_period_end ?? null)
          : null;
      }
      if (change.status !== undefined) subscription.status = change.status;
      enqueue('customer.subscription.updated', subscription, previousAttributes(before, subscription));
    },
    async cancelSubscription(subscriptionId) {
      const subscription = openSubscription(subscriptionId);
      endSubscription(subscription);
      enqueue('customer.subscription.deleted', subscription);
    },
    async trialWillEnd(subscriptionId) {
      enqueue('customer.subscription.trial_will_end', openSubscription(subscriptionId));
    },
    buildEvent(type, object) {
      return buildEvent(type, object);
    },
    sign,
    deliver(event, deliverOptions = {}) {
      return send(event, deliverOptions);
    },
    async close() {
      closed = true;
      releaseWaiters();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
