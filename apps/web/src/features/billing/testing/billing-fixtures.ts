import { activeSession, type SessionState } from '../../../test/http-server';
import type { BillingSummary, PlanView } from '../api/billing-api';

/** A signed-in session on an instance that bills. */
export function billingSession(overrides: Partial<SessionState> = {}): SessionState {
  return activeSession({ features: { billing: true }, ...overrides });
}

const MB = 1024 * 1024;

export const freePlan: PlanView = {
  id: 'free',
  name: 'Free',
  description: 'For trying things out',
  for: ['user', 'organization'],
  pricing: 'flat',
  intervals: [],
  seatOverflow: 'buy',
  trialDays: null,
  free: true,
  limits: {
    privateBlueprints: 10,
    storageBytes: 50 * MB,
    organizations: 1,
    seats: 3,
    organizationTokens: 1,
    versionHistory: 10,
    apiRatePerMinute: 60,
  },
};

export const proPlan: PlanView = {
  id: 'pro',
  name: 'Pro',
  description: 'For people who write a lot of rules',
  for: ['user'],
  pricing: 'flat',
  intervals: ['month', 'year'],
  seatOverflow: 'buy',
  trialDays: 14,
  free: false,
  limits: {
    privateBlueprints: null,
    storageBytes: 2048 * MB,
    organizations: 5,
    seats: null,
    organizationTokens: null,
    versionHistory: null,
    apiRatePerMinute: 600,
  },
};

export const teamPlan: PlanView = {
  id: 'team',
  name: 'Team',
  description: 'Per member',
  for: ['organization'],
  pricing: 'per-seat',
  intervals: ['month'],
  seatOverflow: 'refuse',
  trialDays: null,
  free: false,
  limits: {
    privateBlueprints: null,
    storageBytes: 10240 * MB,
    organizations: null,
    seats: 50,
    organizationTokens: 10,
    versionHistory: null,
    apiRatePerMinute: 1200,
  },
};

/** Your billing on the Free plan, with Pro on offer. */
export function userSummary(overrides: Partial<BillingSummary> = {}): BillingSummary {
  return {
    account: { kind: 'user', id: '0b9e4a8e-2f57-4c3e-9d0e-6f1f4b1f7a10', slug: null },
    plan: freePlan,
    standing: 'free',
    subscription: null,
    usage: [
      { key: 'privateBlueprints', label: 'private blueprints', limit: 10, used: 4, over: false },
      { key: 'storageBytes', label: 'stored bytes', limit: 50 * MB, used: 12.5 * MB, over: false },
      { key: 'organizations', label: 'organizations you own', limit: 1, used: 1, over: false },
      { key: 'versionHistory', label: 'versions kept in history', limit: 10, used: null, over: false },
      { key: 'apiRatePerMinute', label: 'API requests per minute', limit: 60, used: null, over: false },
    ],
    plans: [freePlan, proPlan],
    portal: false,
    ...overrides,
  };
}

/** The organization "acme" on the Team plan, paying for `seats` seats. */
export function organizationSummary(seats: number, overrides: Partial<BillingSummary> = {}): BillingSummary {
  return {
    account: { kind: 'organization', id: '5d1c7e0a-0000-4000-8000-000000000001', slug: 'acme' },
    plan: teamPlan,
    standing: 'active',
    subscription: {
      status: 'active',
      interval: 'month',
      quantity: seats,
      currentPeriodEnd: '2026-03-01T12:00:00.000Z',
      nextInvoiceAt: '2026-03-01T12:00:00.000Z',
      cancelAtPeriodEnd: false,
      trialEnd: null,
      graceEndsAt: null,
    },
    usage: [
      { key: 'privateBlueprints', label: 'private blueprints', limit: null, used: 31, over: false },
      { key: 'seats', label: 'members (seats)', limit: seats, used: 3, over: false },
      { key: 'organizationTokens', label: 'organization tokens', limit: 10, used: 2, over: false },
    ],
    plans: [freePlan, teamPlan],
    portal: true,
    ...overrides,
  };
}
