import fc from 'fast-check';

/**
 * Request generators derived from the committed OpenAPI document: for every route and method, valid, boundary and
 * hostile values for each path/query parameter and body field, plus hostile bodies (wrong types, wrong content types,
 * invalid UTF-8, deep nesting). The fuzz suite (test/e2e/fuzz.e2e-spec.ts) sends them to a real app.
 */

interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  nullable?: boolean;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface MediaType {
  schema?: Schema;
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { content?: Record<string, MediaType> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface FuzzOperation {
  readonly method: string;
  /** The path template, e.g. /api/v1/blueprints/{id}. */
  readonly template: string;
  readonly parameters: readonly Parameter[];
  readonly bodySchema?: Schema;
  /** Responses whose documented JSON body is not the error envelope (e.g. RFC 6749 errors of the device flow). */
  readonly nonEnvelopeStatuses: ReadonlySet<string>;
}

export type FuzzIdentity = 'anonymous' | 'session' | 'token';

export interface FuzzBody {
  readonly contentType?: string;
  readonly payload: string | Buffer;
}

export interface FuzzRequest {
  readonly identity: FuzzIdentity;
  readonly operation: FuzzOperation;
  /** The raw request target: path and query string, sent as is (no normalisation of `..` or `%2e`). */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: FuzzBody;
}

/** Real values per parameter or field name (ids of seeded rows, format ids, …) so that requests reach the handlers. */
export type KnownValues = Readonly<Record<string, readonly string[]>>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const ERROR_ENVELOPE_REF = '#/components/schemas/ErrorResponse';
const LONG = 100_000;

/** Every route and method of the document. */
export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const nonEnvelopeStatuses = new Set<string>();
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const schema = response.content?.['application/json']?.schema;
        if (schema && schema.$ref !== ERROR_ENVELOPE_REF && (status === 'default' || Number(status) >= 400)) {
          nonEnvelopeStatuses.add(status);
        }
      }
      operations.push({
        method: method.toUpperCase(),
        template,
        parameters: operation.parameters ?? [],
        bodySchema: operation.requestBody?.content?.['application/json']?.schema,
        nonEnvelopeStatuses,
      });
    }
  }
  return operations;
}

/** Strings that broke (or could break) some layer somewhere: encodings, sizes, paths, syntaxes, magic names. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\r\n',
  'nul\u0000byte',
  '\u0000',
  'lone \ud800 surrogate',
  '\udfff',
  'x'.repeat(LONG),
  '👍🏽'.repeat(2_000),
  'e\u0301\u0301\u0301',
  '\u202eevil\u202c',
  '\u2066isolate\u2069',
  'zero\u200bwidth\u200d\ufeff',
  '..',
  '../../../etc/passwd',
  '//evil.example',
  '/.//evil.example/phish',
  '/a/../..//evil.example',
  '\\\\evil.example',
  '%2e%2e%2f',
  '%00',
  'a/b',
  '-'.repeat(150),
  '!!!',
  '"unclosed',
  '(a | b) & !c :*',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '[[OPENAI_API_KEY]]',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '9'.repeat(400),
  '0x1F',
  '__proto__',
  'constructor',
  'prototype',
  'bp_',
  'bp_00000000000000000000000000',
  'ha_00000000000000000000000000',
  'rb_00000000000000000000000000',
  '00000000-0000-0000-0000-000000000000',
  'javascript:alert(1)',
  'http://127.0.0.1:1/',
  'https://peer.invalid/',
  'http://169.254.169.254/latest/meta-data/',
  'https://[::1]/',
  'file:///etc/passwd',
  '*',
  '%',
  '_',
  'a: &a [*a, *a, *a]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n',
  '---\nx: !!js/function "function () {}"\n---\n',
  'ghp_' + 'A'.repeat(36),
];

function hostileDeepArray(depth: number): unknown {
  let value: unknown = [];
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

/** Values of the wrong type for any position: null, numbers at the edges, arrays and objects, polluting keys. */
const hostileValue: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53 + 2,
  1e308,
  -1e308,
  [],
  ['a'],
  {},
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  hostileDeepArray(200),
);

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);

/** `arbitrary` once in `odds + 1` draws, null otherwise (fc.option's `freq` is the other way round: 1/freq is null). */
function rarely<T>(arbitrary: fc.Arbitrary<T>, odds: number): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: odds }, { arbitrary, weight: 1 });
}

class Generators {
  /**
   * @param validWeight how much likelier a valid value is than a hostile one at each position: about the number of
   *   positions in the request, so that a typical request carries one hostile value and its other fields pass
   *   validation (a request with every field wrong only ever meets the validation pipe).
   */
  constructor(
    private readonly document: OpenApiDocument,
    private readonly known: KnownValues,
    private readonly validWeight: number,
  ) {}

  resolve(schema: Schema): Schema {
    let current = schema;
    for (let hops = 0; current.$ref && hops < 10; hops += 1) {
      const name = current.$ref.replace('#/components/schemas/', '');
      current = this.document.components?.schemas?.[name] ?? {};
    }
    if (current.allOf) return Object.assign({}, ...current.allOf.map((part) => this.resolve(part))) as Schema;
    return current;
  }

  /** A value for a schema: mostly valid (real ids where known), sometimes at or past a boundary, sometimes hostile. */
  value(schemaOrRef: Schema | undefined, name: string, depth = 0): fc.Arbitrary<unknown> {
    const schema = this.resolve(schemaOrRef ?? {});
    const known = this.known[name];
    const options: Array<fc.WeightedArbitrary<unknown>> = [
      { arbitrary: this.valid(schema, name, depth), weight: this.validWeight },
      { arbitrary: this.edge(schema), weight: 1 },
      { arbitrary: hostileString, weight: 1 },
      { arbitrary: hostileValue, weight: 1 },
    ];
    if (known && known.length > 0) options.push({ arbitrary: fc.constantFrom(...known), weight: 2 * this.validWeight });
    if (schema.nullable) options.push({ arbitrary: fc.constant(null), weight: 1 });
    return fc.oneof(...options);
  }

  private typeOf(schema: Schema): string | undefined {
    return Array.isArray(schema.type) ? schema.type.find((entry) => entry !== 'null') : schema.type;
  }

  /** A value the schema accepts. */
  private valid(schema: Schema, name: string, depth: number): fc.Arbitrary<unknown> {
    if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
    const oneOf = schema.oneOf ?? schema.anyOf;
    if (oneOf && oneOf.length > 0) return fc.oneof(...oneOf.map((part) => this.value(part, name, depth + 1)));
    const type = this.typeOf(schema);
    if (type === 'integer' || type === 'number') {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000;
      const integers = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
      // Most numbers in this API are counts and days: mostly whole numbers, sometimes fractions.
      return type === 'integer'
        ? integers
        : fc.oneof({ arbitrary: integers, weight: 4 }, fc.double({ min, max, noNaN: true }));
    }
    if (type === 'boolean') return fc.boolean();
    if (type === 'array') {
      const minLength = schema.minItems ?? 0;
      return fc.array(this.value(schema.items, name, depth + 1), {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)),
      });
    }
    if (type === 'object' || schema.properties) return this.object(schema, depth);
    if (schema.format === 'uuid') return fc.uuid();
    if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
    if (schema.format === 'uri') return fc.webUrl();
    const minLength = schema.minLength ?? 0;
    return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 60, 60)) });
  }

  /** A value of the right type at or just past the schema's boundaries, or a near miss of it. */
  private edge(schema: Schema): fc.Arbitrary<unknown> {
    if (schema.enum && schema.enum.length > 0) {
      const strings = schema.enum.filter((value): value is string => typeof value === 'string');
      return fc.constantFrom<unknown>(...strings.map((value) => value.toUpperCase()), 'unknown-value', '');
    }
    const type = this.typeOf(schema);
    if (type === 'integer' || type === 'number') {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000;
      return fc.constantFrom<unknown>(min, max, min - 1, max + 1, 0, -1, 0.5, 2 ** 31, 2 ** 53 + 2, 1e308, '1', 'NaN');
    }
    if (type === 'boolean') return fc.constantFrom<unknown>('true', 1, 'yes');
    if (type === 'array') {
      const tooMany = (schema.maxItems ?? 100) + 1;
      return fc.constantFrom<unknown>(
        Array.from({ length: tooMany }, (_, index) => `item-${index}`),
        [[]],
        [null],
      );
    }
    if (type === 'object' || schema.properties) return fc.constantFrom<unknown>([], 'object', {});
    const minLength = schema.minLength ?? 0;
    const maxLength = schema.maxLength ?? 1_000;
    const formatted =
      schema.format === 'date-time'
        ? ['2026-13-45T99:99:99Z', '0000-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z', 'yesterday']
        : schema.format === 'uri'
          ? ['https://peer.invalid', 'http://127.0.0.1:1', 'ftp://x', 'https://x@y.invalid/', '//evil.example']
          : [];
    return fc.oneof(
      fc.constantFrom<unknown>(
        'x'.repeat(maxLength),
        'x'.repeat(maxLength + 1),
        ...(minLength > 0 ? ['x'.repeat(minLength - 1)] : []),
        ...formatted,
      ),
      fc.string({ unit: 'binary', minLength, maxLength: Math.max(minLength, Math.min(maxLength, 40)) }),
    );
  }

  private object(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    const properties = schema.properties ?? {};
    const required = new Set(schema.required ?? []);
    const fields = Object.entries(properties).map(([key, property]) =>
      fc.tuple(
        fc.constant(key),
        required.has(key) ? fc.constant(true) : fc.boolean(),
        this.value(property, key, depth + 1),
      ),
    );
    const additional =
      typeof schema.additionalProperties === 'object'
        ? fc.array(
            fc.tuple(
              fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), hostileString),
              this.value(schema.additionalProperties, '', depth + 1),
            ),
            { maxLength: 4 },
          )
        : fc.constant([] as Array<[string, unknown]>);
    const extra = rarely(
      fc.array(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'unexpectedField'), hostileValue), {
        minLength: 1,
        maxLength: 2,
      }),
      this.validWeight,
    );
    return fc
      .record({ fields: fc.tuple(...fields), additional, extra })
      .map(({ fields: chosen, additional: more, extra: hostile }) => {
        // A null prototype makes `__proto__` an ordinary own key that JSON.stringify writes out.
        const object = Object.create(null) as Record<string, unknown>;
        for (const [key, present, value] of chosen) if (present) object[key] = value;
        for (const [key, value] of more) object[key] = value;
        for (const [key, value] of hostile ?? []) object[key] = value;
        return object;
      });
  }

  /** Path segments: encoded values, or raw hostile segments sent as they are. */
  pathValue(parameter: Parameter): fc.Arbitrary<string> {
    const encoded = this.value(parameter.schema, parameter.name).map((value) => encodeComponent(textOf(value)));
    const raw = fc.constantFrom('..', '.', '%2e%2e', '%2F', '%00', '%ZZ', '%', '%C0%AF', '%ED%A0%80', ';x', '%20');
    return fc.oneof({ arbitrary: encoded, weight: this.validWeight }, { arbitrary: raw, weight: 1 });
  }

  query(parameters: readonly Parameter[]): fc.Arbitrary<string> {
    const pairs = parameters.map((parameter) =>
      fc.option(
        this.value(parameter.schema, parameter.name).map((value) => encodeQueryValue(parameter.name, value)),
        { freq: 2 },
      ),
    );
    const raw = rarely(
      fc.constantFrom(
        'q=%00',
        'q=%ZZ',
        'q=%E0%A4%A',
        'a[b][c][d][e][f][g][h]=1',
        '__proto__[polluted]=1',
        'constructor[prototype][polluted]=1',
        `limit=${'9'.repeat(40)}`,
        'cursor=%FF%FE',
        'unexpected=1',
      ),
      this.validWeight,
    );
    return fc.tuple(fc.tuple(...pairs), raw).map(([chosen, extra]) => {
      const parts = chosen.filter((part): part is string => part !== null && part !== '');
      if (extra) parts.push(extra);
      return parts.length > 0 ? `?${parts.join('&')}` : '';
    });
  }

  body(operation: FuzzOperation): fc.Arbitrary<FuzzBody | undefined> {
    const schemaBody = operation.bodySchema
      ? this.value(operation.bodySchema, '').map((value): FuzzBody => json(value))
      : fc.constant(undefined);
    const anyJson = fc.oneof(hostileValue, hostileString).map((value): FuzzBody => json(value));
    const raw = fc.constantFrom<FuzzBody>(
      { contentType: 'application/json', payload: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
      { contentType: 'application/json', payload: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}` },
      { contentType: 'application/json', payload: `${'['.repeat(64)}${']'.repeat(64)}` },
      {
        contentType: 'application/json',
        payload: Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      },
      { contentType: 'application/json', payload: '{"name": "x",' },
      { contentType: 'application/json', payload: '{"name": "a\\u0000b", "content": "c\\u0000d", "q": "\\u0000"}' },
      { contentType: 'application/json; charset=latin1', payload: '{}' },
      { contentType: 'application/merge-patch+json', payload: '{}' },
      { contentType: 'text/plain', payload: 'name=x' },
      { contentType: 'application/x-www-form-urlencoded', payload: 'name=a%00b&client_id=%00&scope=x' },
      { contentType: 'application/x-www-form-urlencoded', payload: 'a[b][c]=1&__proto__[x]=1' },
      {
        contentType: 'multipart/form-data; boundary=x',
        payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
      },
      { contentType: 'application/xml', payload: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><x>&a;</x>' },
      { payload: '{}' },
    );
    return fc.oneof(
      { arbitrary: schemaBody, weight: operation.bodySchema ? this.validWeight : 1 },
      { arbitrary: fc.constant(undefined), weight: operation.bodySchema ? 1 : this.validWeight },
      { arbitrary: anyJson, weight: 1 },
      { arbitrary: raw, weight: 1 },
    );
  }
}

function json(value: unknown): FuzzBody {
  return { contentType: 'application/json', payload: JSON.stringify(value) ?? 'null' };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** encodeURIComponent, except that a lone surrogate goes out as the bytes of its CESU-8 form (invalid UTF-8). */
function encodeComponent(text: string): string {
  return text
    .split(LONE_SURROGATE)
    .map((part) => encodeURIComponent(part))
    .join('%ED%A0%80');
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** Arrays repeat the key, objects use the bracket syntax: both are what a hostile client would send. */
function encodeQueryValue(name: string, value: unknown): string {
  const key = encodeComponent(name);
  if (Array.isArray(value)) return value.map((item) => `${key}=${encodeComponent(textOf(item))}`).join('&');
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .map(([sub, item]) => `${key}[${encodeComponent(sub)}]=${encodeComponent(textOf(item))}`)
      .join('&');
  }
  return `${key}=${encodeComponent(textOf(value))}`;
}

const IF_MATCH_VALUES = [
  '"r1"',
  '"r2"',
  '"r3"',
  '"r0"',
  '"r-1"',
  '*',
  'W/"r1"',
  `"r${'9'.repeat(30)}"`,
  'garbage',
  '"r1", "r2"',
];

/** One request to one operation of the document, by one identity. */
export function requestArbitrary(
  document: OpenApiDocument,
  operations: readonly FuzzOperation[],
  known: KnownValues,
): fc.Arbitrary<FuzzRequest> {
  const identity = fc.constantFrom<FuzzIdentity>('anonymous', 'session', 'token');
  return fc.constantFrom(...operations).chain((operation) => {
    const probe = new Generators(document, known, 1);
    const bodyFields = operation.bodySchema
      ? Object.keys(probe.resolve(operation.bodySchema).properties ?? {}).length
      : 0;
    const generators = new Generators(document, known, 3 * (1 + operation.parameters.length + bodyFields));
    const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
    const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
    const takesIfMatch = operation.parameters.some(
      (parameter) => parameter.in === 'header' && parameter.name === 'If-Match',
    );
    const segments = fc.record(
      Object.fromEntries(pathParameters.map((parameter) => [parameter.name, generators.pathValue(parameter)])),
    ) as fc.Arbitrary<Record<string, string>>;
    const ifMatch = takesIfMatch ? fc.option(fc.constantFrom(...IF_MATCH_VALUES), { freq: 2 }) : fc.constant(null);
    return fc
      .record({
        identity,
        segments,
        query: generators.query(queryParameters),
        ifMatch,
        body: generators.body(operation),
      })
      .map(({ identity: who, segments: values, query, ifMatch: match, body }) => {
        const path = operation.template.replace(/\{([^}]+)\}/g, (_whole, name: string) => values[name] ?? '');
        const request: FuzzRequest = {
          identity: who,
          operation,
          target: `${path}${query}`,
          headers: match ? { 'If-Match': match } : {},
          ...(body ? { body } : {}),
        };
        return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
      });
  });
}

function excerpt(text: string, limit = 300): string {
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length} characters)` : text;
}

/** What a failure prints: enough to replay the request by hand, long values cut short. */
export function describeRequest(request: FuzzRequest): string {
  const lines = [`${request.operation.method} ${excerpt(request.target)}  (as ${request.identity})`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`);
  if (request.body) {
    lines.push(`Content-Type: ${request.body.contentType ?? '(none)'}`);
    const payload = request.body.payload;
    lines.push(typeof payload === 'string' ? excerpt(JSON.stringify(payload)) : `bytes ${payload.toString('hex')}`);
  }
  return lines.join('\n');
}
