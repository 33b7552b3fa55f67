import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultPlans, isFree, LIMIT_KEYS, parsePlanCatalog, Plans, type PlanCatalog } from './plans';

const free = {
  id: 'free',
  name: 'Free',
  for: ['user', 'organization'],
  limits: { privateBlueprints: 2 },
};
const pro = {
  id: 'pro',
  name: 'Pro',
  for: ['user'],
  prices: { month: 'price_pro_m', year: 'price_pro_y' },
  limits: {},
};
const team = {
  id: 'team',
  name: 'Team',
  for: ['organization'],
  pricing: 'per-seat',
  prices: { month: 'price_team_m' },
  limits: { seats: 50 },
};

function catalogOf(value: unknown): PlanCatalog {
  const result = parsePlanCatalog({ value });
  if ('problems' in result) throw new Error(`expected a valid catalogue: ${result.problems.join('; ')}`);
  return result.catalog;
}

function problemsOf(value: unknown): string[] {
  const result = parsePlanCatalog({ value });
  if ('catalog' in result) throw new Error('expected the catalogue to be refused');
  return result.problems;
}

describe('plan catalogue', () => {
  it('ships valid defaults: Free alone without prices, with Pro and Team once their prices are set', () => {
    const alone = catalogOf(defaultPlans({}));
    expect(alone.plans.map((plan) => plan.id)).toEqual(['free']);
    const priced = catalogOf(
      defaultPlans({
        STRIPE_PRICE_PRO_MONTHLY: 'price_pro_month',
        STRIPE_PRICE_PRO_YEARLY: 'price_pro_year',
        STRIPE_PRICE_TEAM_MONTHLY: 'price_team_month',
      }),
    );
    expect(priced.plans.map((plan) => plan.id)).toEqual(['free', 'pro', 'team']);
    const plans = new Plans(priced);
    expect(plans.byPriceId('price_pro_year')).toMatchObject({ plan: { id: 'pro' }, interval: 'year' });
    expect(plans.get('team')).toMatchObject({
      pricing: 'per-seat',
      seatOverflow: 'buy',
      prices: { month: 'price_team_month' },
    });
    expect(plans.freeFor('user').id).toBe('free');
    expect(plans.freeFor('organization').id).toBe('free');
    // Every default plan names every limit, so nothing is unlimited by omission.
    for (const plan of priced.plans) expect(Object.keys(plan.limits).sort()).toEqual([...LIMIT_KEYS].sort());
  });

  it('fills what a plan leaves out: unlimited limits, flat pricing, buying seats, no trial', () => {
    const [plan] = catalogOf({ plans: [free] }).plans;
    expect(plan).toMatchObject({ pricing: 'flat', seatOverflow: 'buy', trialDays: null, prices: {}, description: '' });
    expect(plan?.limits).toMatchObject({ privateBlueprints: 2, storageBytes: null, apiRatePerMinute: null });
    expect(isFree(plan!)).toBe(true);
  });

  it('reads a JSON or YAML file and inline JSON, and reports what cannot be read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-plans-'));
    try {
      const yaml = path.join(dir, 'plans.yaml');
      fs.writeFileSync(
        yaml,
        [
          'plans:',
          '  - id: free',
          '    name: Free',
          '    for: [user, organization]',
          '    limits:',
          '      seats: 3',
        ].join('\n'),
      );
      const fromYaml = parsePlanCatalog({ file: yaml });
      expect('catalog' in fromYaml && fromYaml.catalog.plans[0]?.limits.seats).toBe(3);
      const json = path.join(dir, 'plans.json');
      fs.writeFileSync(json, JSON.stringify({ plans: [free, pro] }));
      expect('catalog' in parsePlanCatalog({ file: json })).toBe(true);
      expect('catalog' in parsePlanCatalog({ inline: JSON.stringify({ plans: [free] }) })).toBe(true);
      const missing = parsePlanCatalog({ file: path.join(dir, 'absent.json') });
      expect('problems' in missing && missing.problems[0]).toMatch(/^could not read the plans: /);
      const broken = parsePlanCatalog({ inline: '{ plans: ' });
      expect('problems' in broken && broken.problems[0]).toMatch(/^could not read the plans: /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses two plans with one id, and one price in two plans', () => {
    expect(
      problemsOf({ plans: [free, pro, { ...pro, name: 'Pro again', prices: { month: 'price_other' } }] }),
    ).toContain('plans.2.id: plan id "pro" is used twice');
    expect(problemsOf({ plans: [free, pro, { ...team, prices: { month: 'price_pro_m' } }] })).toContain(
      'plans.2.prices: price price_pro_m is used by two plans',
    );
  });

  it('refuses two free plans for one audience, and an audience without a free plan', () => {
    const twoFree = problemsOf({ plans: [free, { id: 'hobby', name: 'Hobby', for: ['user'], limits: {} }] });
    expect(twoFree).toContain('plans: exactly one free plan (no prices) must be for "user"; found 2');
    const none = problemsOf({ plans: [{ ...free, for: ['user'] }, pro] });
    expect(none).toContain('plans: exactly one free plan (no prices) must be for "organization"; found 0');
  });

  it('refuses per-seat pricing for users, and a per-seat plan without prices', () => {
    expect(problemsOf({ plans: [free, { ...team, for: ['user', 'organization'] }] })).toContain(
      'plans.1.pricing: a per-seat plan must have prices and be for organizations only',
    );
    const unpriced = problemsOf({ plans: [free, { ...team, prices: {} }] });
    expect(unpriced).toContain('plans.1.pricing: a per-seat plan must have prices and be for organizations only');
  });

  it('requires each plan to name its limits (an empty object: all unlimited)', () => {
    expect(problemsOf({ plans: [{ id: 'free', name: 'Free', for: ['user', 'organization'] }] }).join('\n')).toMatch(
      /^plans\.0\.limits: /m,
    );
  });

  it('refuses price ids that are not Stripe Price ids, unknown fields, bad limits and a free trial', () => {
    expect(problemsOf({ plans: [free, { ...pro, prices: { month: 'prod_123' } }] })).toContain(
      'plans.1.prices.month: must be a Stripe Price id (price_…)',
    );
    expect(problemsOf({ plans: [free, { ...pro, prices: { week: 'price_w' } }] }).join('\n')).toMatch(
      /^plans\.1\.prices: .*week/m,
    );
    expect(problemsOf({ plans: [{ ...free, limits: { privateBlueprints: -1 } }] }).join('\n')).toMatch(
      /^plans\.0\.limits\.privateBlueprints: /m,
    );
    expect(problemsOf({ plans: [{ ...free, limits: { privateRepos: 1 } }] }).join('\n')).toMatch(
      /^plans\.0\.limits: .*privateRepos/m,
    );
    expect(problemsOf({ plans: [{ ...free, id: 'Free Plan' }] })).toContain(
      'plans.0.id: must be 1-32 lower-case letters, digits or dashes',
    );
    expect(problemsOf({ plans: [{ ...free, trialDays: 14 }] })).toContain(
      'plans.0.trialDays: a free plan has no trial',
    );
    expect(problemsOf({ plans: [] }).join('\n')).toMatch(/^plans: /m);
  });
});
