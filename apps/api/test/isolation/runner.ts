import { randomBytes } from 'node:crypto';
import type { Response } from 'superagent';
import { signInAs } from '../support/sign-in';
import type { TestApp } from '../support/test-app';
import type { Fixture, SeededObject } from './fixture';
import { leakedMarkers } from './leaks';
import type { KnownIssue, Outcome, RequestContext, RequestParts, RouteEntry, Variant } from './route-matrix';
import { administersInstance, hasScope, isToken, type PrincipalSpec } from './spec-table';

/** One request of the suite and what became of it. */
export interface CallResult {
  readonly principal: string;
  readonly target?: string;
  readonly variant?: string;
  readonly expected: Outcome;
  readonly status: number;
  /** Why it failed: a wrong status, a 5xx or leaked markers. */
  readonly problems: readonly string[];
}

/**
 * The route's gates, from the route policy the docs describe (docs/authentication.md, docs/organizations.md): who is
 * refused before anything is looked up. Undefined: the principal passes and the entry decides.
 */
export function gateOutcome(entry: RouteEntry, principal: PrincipalSpec): Outcome | undefined {
  if (entry.access === 'public') return undefined;
  if (principal.kind === 'anonymous') return 'unauthenticated';
  if (isToken(principal)) {
    if (entry.access === 'session-only' || entry.access === 'admin') return 'forbidden';
    if (principal.kind === 'organization-token') {
      if (entry.orgTokens === 'unspecified') return 'any';
      if (!entry.orgTokens) return 'forbidden';
    }
    if (entry.scope && !hasScope(principal, entry.scope as 'blueprints:read')) return 'forbidden';
  }
  if (entry.access === 'admin' && !administersInstance(principal)) return 'forbidden';
  return undefined;
}

/**
 * The error code a refusal must carry where the spec names one: an organization token on a route not open to
 * organization tokens hears 403 ORGANIZATION_TOKEN_NOT_ALLOWED (docs/organizations.md, Organization tokens).
 */
export function expectedCode(entry: RouteEntry, principal: PrincipalSpec): string | undefined {
  if (principal.kind !== 'organization-token' || entry.access === 'public') return undefined;
  return entry.orgTokens === true || entry.orgTokens === 'unspecified' ? undefined : 'ORGANIZATION_TOKEN_NOT_ALLOWED';
}

export function matches(expected: Outcome, status: number): boolean {
  if (status >= 500) return false;
  switch (expected) {
    case 'ok':
      return status < 400;
    case 'not-found':
      return status === 404;
    case 'unauthenticated':
      return status === 401;
    case 'forbidden':
      return status === 403;
    case 'any-refusal':
      return status === 401 || status === 403 || status === 404;
    case 'not-refused':
      return status !== 401 && status !== 403 && status !== 404;
    case 'any':
      return true;
  }
}

interface Job {
  readonly principal: PrincipalSpec;
  readonly target?: SeededObject;
  readonly variant?: Variant;
}

export interface RunOptions {
  readonly testApp: TestApp;
  readonly fixture: Fixture;
  readonly principals: readonly PrincipalSpec[];
  readonly concurrency: number;
}

let throwaways = 0;

/** The path parameter a target's id fills. */
const TARGET_PARAM = { blueprint: 'id', hierarchy: 'id', organization: 'slug' } as const;
const TARGETS = { blueprint: 'blueprints', hierarchy: 'hierarchies', organization: 'organizations' } as const;

/** Runs one operation for every principal (and target and variant) and checks each answer. */
export async function runOperation(
  method: string,
  template: string,
  entry: RouteEntry,
  options: RunOptions,
): Promise<CallResult[]> {
  const { fixture } = options;
  const targets: readonly (SeededObject | undefined)[] =
    entry.target === undefined ? [undefined] : fixture[TARGETS[entry.target]];
  const variants: readonly (Variant | undefined)[] = entry.variants ?? [undefined];
  const jobs: Job[] = [];
  for (const principal of options.principals) {
    for (const target of targets) for (const variant of variants) jobs.push({ principal, target, variant });
  }
  const results: CallResult[] = [];
  await pool(jobs, options.concurrency, async (job) => {
    results.push(await runJob(method, template, entry, job, options));
  });
  return results;
}

async function runJob(
  method: string,
  template: string,
  entry: RouteEntry,
  { principal, target, variant }: Job,
  { testApp, fixture }: RunOptions,
): Promise<CallResult> {
  const decide = variant?.decide ?? entry.decide;
  const expected: Outcome =
    gateOutcome(entry, principal) ??
    (target && decide
      ? decide(principal, target.subject)
      : ((variant?.decidePrincipal ?? entry.decidePrincipal)?.(principal) ?? entry.passed ?? 'any'));

  // A call the route's gates refuse before any lookup needs no fresh copy (a wrong gate shows as a wrong status).
  const fresh = target !== undefined && entry.mutates === true && gateOutcome(entry, principal) === undefined;
  let context: RequestContext = { fixture, id: target?.id, target };
  if (target && fresh && entry.target === 'organization') {
    const org = 'org' in target.subject.owner ? target.subject.owner.org : 'A';
    const other = org === 'A' ? 'B' : 'A';
    const kind = entry.fresh ?? 'token';
    if (kind === 'organization') {
      context = { fixture, id: await fixture.freshOrganization(org) };
    } else {
      const make = {
        token: fixture.freshOrganizationToken,
        member: fixture.freshMember,
        invitation: fixture.freshInvitation,
      }[kind];
      context = { fixture, id: target.id, freshId: await make(org), otherFreshId: await make(other) };
    }
  } else if (target && fresh) {
    const copy =
      entry.target === 'hierarchy'
        ? { ...(await fixture.freshHierarchy(target)), revision: undefined }
        : await fixture.freshBlueprint(target);
    context = { fixture, id: copy.id, revision: copy.revision };
  }
  const base = entry.request?.(context) ?? {};
  const own = variant?.request?.(context) ?? {};
  const merged: RequestParts = {
    params: { ...base.params, ...own.params },
    query: { ...base.query, ...own.query },
    headers: { ...base.headers, ...own.headers },
    body: own.body ?? base.body,
  };
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value =
      merged.params?.[name] ?? (name === TARGET_PARAM[entry.target ?? 'blueprint'] ? context.id : undefined);
    if (value === undefined) throw new Error(`${method} ${template}: nothing fills {${name}}`);
    return encodeURIComponent(value);
  });

  let headers = fixture.headersOf(principal);
  if (principal.kind === 'personal-token' && entry.selfEnding === 'fresh-token') {
    headers = { Authorization: `Bearer ${await fixture.freshPersonalToken(principal)}` };
  } else if (principal.kind === 'session' && entry.selfEnding && entry.selfEnding !== 'fresh-token') {
    throwaways += 1;
    const email =
      entry.selfEnding === 'fresh-session'
        ? fixture.emails[principal.user]
        : `iso-throwaway-${throwaways}-${randomBytes(3).toString('hex')}@iso.test`;
    const session = await signInAs(testApp, email);
    headers = { ...session.writeHeaders, Cookie: session.sessionCookie };
  }

  const response = await send(testApp, method, path, { ...headers, ...merged.headers }, merged.query, merged.body);
  const text = response.body instanceof Buffer ? response.body.toString('utf8') : String(response.text ?? '');
  const problems: string[] = [];
  if (!matches(expected, response.status)) {
    problems.push(`expected ${expected}, got ${response.status} ${text.slice(0, 160).replace(/\s+/g, ' ')}`);
  }
  const code = expectedCode(entry, principal);
  if (code && !text.includes(`"code":"${code}"`)) {
    problems.push(`expected the error code ${code}, got ${text.slice(0, 120).replace(/\s+/g, ' ')}`);
  }
  const leaks = leakedMarkers(fixture.markers, principal, { text, headers: response.headers });
  if (leaks.length > 0) problems.push(`leaked ${leaks.map((leak) => leak.label).join(', ')}`);
  return {
    principal: principal.name,
    target: target?.label,
    variant: variant?.label,
    expected,
    status: response.status,
    problems,
  };
}

function send(
  testApp: TestApp,
  method: string,
  path: string,
  headers: Record<string, string>,
  query: Readonly<Record<string, string>> | undefined,
  body: unknown,
): Promise<Response> {
  const http = testApp.http as unknown as Record<string, (path: string) => import('superagent').SuperAgentRequest>;
  let request = http[method.toLowerCase()]!(path).set(headers);
  if (query) request = request.query(query);
  // Every answer as bytes: JSON, text, archives alike go through the leak scan.
  request = request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
  if (body !== undefined) request = request.send(body as object);
  return request.ok(() => true).then((response) => response);
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}

/** Whether a known issue of the matrix covers this call. */
export function covers(issue: KnownIssue, result: CallResult): boolean {
  return (
    (!issue.principals || issue.principals.includes(result.principal as never)) &&
    (!issue.targets || (result.target !== undefined && issue.targets.includes(result.target))) &&
    (!issue.variants || (result.variant !== undefined && issue.variants.includes(result.variant)))
  );
}
