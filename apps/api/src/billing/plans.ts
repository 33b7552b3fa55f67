import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** What a plan limits. Each is a number, or null for unlimited. */
export const LIMIT_KEYS = [
  /** Blueprints not shared with everyone (private, and team in organizations). */
  'privateBlueprints',
  /** Bytes stored across every version and attached file. */
  'storageBytes',
  /** Organizations a user owns. */
  'organizations',
  /** Members of an organization (on a per-seat plan: the most seats it may buy). */
  'seats',
  /** Live (unrevoked) organization tokens. */
  'organizationTokens',
  /** Versions of each blueprint listed in its history (older ones are kept, not deleted, and listed again on upgrade). */
  'versionHistory',
  /** Requests per minute an account's API tokens may make, across all routes. */
  'apiRatePerMinute',
] as const;
export type LimitKey = (typeof LIMIT_KEYS)[number];
export type PlanLimits = Readonly<Record<LimitKey, number | null>>;

export const PLAN_AUDIENCES = ['user', 'organization'] as const;
export type PlanAudience = (typeof PLAN_AUDIENCES)[number];
export const BILLING_INTERVALS = ['month', 'year'] as const;
export type BillingInterval = (typeof BILLING_INTERVALS)[number];

export interface Plan {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly for: readonly PlanAudience[];
  /** `per-seat`: the subscription quantity follows the organization's member count. */
  readonly pricing: 'flat' | 'per-seat';
  /** Stripe Price ids; a plan without any is free (the fallback of its audiences). */
  readonly prices: Readonly<Partial<Record<BillingInterval, string>>>;
  /** Per-seat plans: a member beyond the paid seats is refused, or buys a seat. */
  readonly seatOverflow: 'refuse' | 'buy';
  readonly trialDays: number | null;
  readonly limits: PlanLimits;
}

export interface PlanCatalog {
  readonly plans: readonly Plan[];
}

const limitValue = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable();
const priceId = z.string().regex(/^price_[A-Za-z0-9_]{1,200}$/, 'must be a Stripe Price id (price_…)');

const planSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be 1-32 lower-case letters, digits or dashes'),
    name: z.string().trim().min(1).max(60),
    description: z.string().trim().max(300).default(''),
    for: z.array(z.enum(PLAN_AUDIENCES)).min(1),
    pricing: z.enum(['flat', 'per-seat']).default('flat'),
    prices: z.object({ month: priceId.optional(), year: priceId.optional() }).strict().default({}),
    seatOverflow: z.enum(['refuse', 'buy']).default('buy'),
    trialDays: z.number().int().min(1).max(730).nullable().default(null),
    limits: z
      .object(
        Object.fromEntries(LIMIT_KEYS.map((key) => [key, limitValue.default(null)])) as Record<
          LimitKey,
          z.ZodDefault<typeof limitValue>
        >,
      )
      .strict(),
  })
  .strict();

const catalogSchema = z
  .object({ plans: z.array(planSchema).min(1).max(50) })
  .strict()
  .superRefine((catalog, context) => {
    const problem = (message: string, path: (string | number)[]) => context.addIssue({ code: 'custom', message, path });
    const ids = new Set<string>();
    const prices = new Set<string>();
    catalog.plans.forEach((plan, index) => {
      if (ids.has(plan.id)) problem(`plan id "${plan.id}" is used twice`, ['plans', index, 'id']);
      ids.add(plan.id);
      for (const price of Object.values(plan.prices)) {
        if (prices.has(price)) problem(`price ${price} is used by two plans`, ['plans', index, 'prices']);
        prices.add(price);
      }
      const free = Object.keys(plan.prices).length === 0;
      if (plan.pricing === 'per-seat' && (free || plan.for.includes('user'))) {
        problem('a per-seat plan must have prices and be for organizations only', ['plans', index, 'pricing']);
      }
      if (free && plan.trialDays !== null) problem('a free plan has no trial', ['plans', index, 'trialDays']);
    });
    for (const audience of PLAN_AUDIENCES) {
      const free = catalog.plans.filter((plan) => plan.for.includes(audience) && isFree(plan));
      if (free.length !== 1) {
        problem(`exactly one free plan (no prices) must be for "${audience}"; found ${free.length}`, ['plans']);
      }
    }
  });

export function isFree(plan: Pick<Plan, 'prices'>): boolean {
  return Object.keys(plan.prices).length === 0;
}

const MB = 1024 * 1024;

/** Environment variables that give the default paid plans their Stripe Prices. */
export const DEFAULT_PLAN_PRICE_VARIABLES = {
  STRIPE_PRICE_PRO_MONTHLY: ['pro', 'month'],
  STRIPE_PRICE_PRO_YEARLY: ['pro', 'year'],
  STRIPE_PRICE_TEAM_MONTHLY: ['team', 'month'],
  STRIPE_PRICE_TEAM_YEARLY: ['team', 'year'],
} as const;

/**
 * Free, Pro and Team (per seat). The paid ones take their Prices from STRIPE_PRICE_*; one without any Price is left
 * out, since nobody could buy it.
 */
export function defaultPlans(prices: Partial<Record<keyof typeof DEFAULT_PLAN_PRICE_VARIABLES, string>>): unknown {
  const pricesOf = (plan: 'pro' | 'team') =>
    Object.fromEntries(
      Object.entries(DEFAULT_PLAN_PRICE_VARIABLES)
        .filter(([variable, [id]]) => id === plan && prices[variable as keyof typeof prices])
        .map(([variable, [, interval]]) => [interval, prices[variable as keyof typeof prices]]),
    );
  const plans = [
    {
      id: 'free',
      name: 'Free',
      description: 'For trying LynxPrompt and for small organizations.',
      for: ['user', 'organization'],
      limits: {
        privateBlueprints: 10,
        storageBytes: 50 * MB,
        organizations: 1,
        seats: 3,
        organizationTokens: 2,
        versionHistory: 20,
        apiRatePerMinute: 60,
      },
    },
    {
      id: 'pro',
      name: 'Pro',
      description: 'Unlimited private blueprints and full version history for one person.',
      for: ['user'],
      prices: pricesOf('pro'),
      trialDays: 14,
      limits: {
        privateBlueprints: null,
        storageBytes: 2048 * MB,
        organizations: 5,
        seats: null,
        organizationTokens: null,
        versionHistory: null,
        apiRatePerMinute: 600,
      },
    },
    {
      id: 'team',
      name: 'Team',
      description: 'Organizations billed per member, with shared tokens and unlimited private blueprints.',
      for: ['organization'],
      pricing: 'per-seat',
      seatOverflow: 'buy',
      prices: pricesOf('team'),
      limits: {
        privateBlueprints: null,
        storageBytes: 10 * 1024 * MB,
        organizations: null,
        seats: 500,
        organizationTokens: 50,
        versionHistory: null,
        apiRatePerMinute: 1200,
      },
    },
  ];
  return { plans: plans.filter((plan) => !plan.prices || Object.keys(plan.prices).length > 0) };
}

/** Reads and validates a plan file (JSON, or YAML by extension) or inline JSON; returns problems, never throws. */
export function parsePlanCatalog(
  source: { file: string } | { inline: string } | { value: unknown },
): { catalog: PlanCatalog } | { problems: string[] } {
  let raw: unknown;
  try {
    if ('value' in source) raw = source.value;
    else if ('inline' in source) raw = JSON.parse(source.inline);
    else {
      const text = fs.readFileSync(source.file, 'utf8');
      raw = /\.ya?ml$/i.test(source.file) ? parseYaml(text) : JSON.parse(text);
    }
  } catch (error) {
    return { problems: [`could not read the plans: ${(error as Error).message}`] };
  }
  const result = catalogSchema.safeParse(raw);
  if (!result.success) {
    return {
      problems: result.error.issues.map((issue) => `${issue.path.join('.') || '(plans)'}: ${issue.message}`),
    };
  }
  return { catalog: { plans: result.data.plans as Plan[] } };
}

/** The plans, with lookups: one source of truth for what an account may do. */
export class Plans {
  private readonly byId: Map<string, Plan>;
  private readonly byPrice = new Map<string, { plan: Plan; interval: BillingInterval }>();

  constructor(readonly catalog: PlanCatalog) {
    this.byId = new Map(catalog.plans.map((plan) => [plan.id, plan]));
    for (const plan of catalog.plans) {
      for (const [interval, price] of Object.entries(plan.prices)) {
        this.byPrice.set(price, { plan, interval: interval as BillingInterval });
      }
    }
  }

  get(id: string): Plan | undefined {
    return this.byId.get(id);
  }

  byPriceId(priceId: string): { plan: Plan; interval: BillingInterval } | undefined {
    return this.byPrice.get(priceId);
  }

  /** The plan an account of this kind has without a subscription. */
  freeFor(audience: PlanAudience): Plan {
    const plan = this.catalog.plans.find((candidate) => candidate.for.includes(audience) && isFree(candidate));
    if (!plan) throw new Error(`No free plan for ${audience}`);
    return plan;
  }

  for(audience: PlanAudience): Plan[] {
    return this.catalog.plans.filter((plan) => plan.for.includes(audience));
  }
}
