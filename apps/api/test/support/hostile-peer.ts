import { createHash } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';
import { generateSigningKey, signatureHeader } from '../../src/federation/signature';

/** What the hostile peer does to whoever crawls it; each test picks one. */
export type HostileBehaviour =
  | 'honest'
  | 'wrong-domain'
  | 'redirect-loopback'
  | 'redirect-metadata'
  | 'redirect-other-host'
  | 'huge-body'
  | 'drip'
  | 'invalid-json'
  | 'wrong-content-type'
  | 'bad-signature'
  | 'hash-mismatch'
  | 'cursor-loop'
  | 'million-items'
  | 'rate-limited'
  | 'every-kind'
  | 'unstorable-items'
  | 'all-invalid'
  // Legacy peers (no key in the manifest): the behaviour must be set before the peer is added.
  | 'legacy-same-item'
  | 'legacy-garbage'
  | 'legacy-overclaim';

export interface HostilePeer {
  readonly domain: string;
  behaviour: HostileBehaviour;
  /** Where the loopback and other-host redirects point; set by the test. */
  redirectTarget: string;
  /** Catalogue and content requests received since the test last reset it. */
  requests: number;
  /** Published in the manifest when set. */
  logoUrl?: string;
  close(): Promise<void>;
}

const HUGE_BODY_BYTES = 200 * 1024 * 1024;
/** What each legacy behaviour claims to hold, in its manifest and its list's `total`. */
const LEGACY_CLAIMS: Partial<Record<HostileBehaviour, number>> = {
  'legacy-same-item': 1000,
  'legacy-garbage': 1_000_000,
  'legacy-overclaim': 3,
};

/** One entry of the reference product's list (see reference-instance.ts). */
function legacyItem(id: string) {
  const at = new Date(Date.UTC(2025, 5, 4)).toISOString();
  return { id, name: `Legacy ${id}`, description: '', type: 'AGENTS_MD', tags: [], createdAt: at, updatedAt: at };
}
const CHUNK = Buffer.alloc(64 * 1024, 0x20);

function item(
  id: string,
  content: string,
  announcedHash = createHash('sha256').update(content).digest('hex'),
  kind = 'rules',
  format = 'agents-md',
) {
  const now = new Date().toISOString();
  return {
    id,
    name: `Item ${id}`,
    description: '',
    kind,
    format,
    tags: [],
    license: 'MIT',
    author: 'Mallory',
    authorHandle: 'mallory',
    version: 1,
    contentHash: announcedHash,
    sizeBytes: Buffer.byteLength(content),
    url: 'javascript:alert(1)',
    createdAt: now,
    updatedAt: now,
    content,
  };
}

/**
 * A peer that speaks the protocol well enough to be added, then misbehaves as told. It signs with its own key so
 * that only the behaviour under test is wrong.
 */
export async function startHostilePeer(host: string, port: number): Promise<HostilePeer> {
  const key = generateSigningKey();
  const domain = `${host}:${port}`;
  const sockets = new Set<Socket>();
  const peer: HostilePeer = {
    domain,
    behaviour: 'honest',
    redirectTarget: 'http://127.0.0.1:9/',
    requests: 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  // Signed properly, so that what is under test is the body itself.
  const sendSignedText = (request: http.IncomingMessage, response: http.ServerResponse, text: string) => {
    response.writeHead(200, {
      'content-type': 'application/json',
      'lynxprompt-signature': signatureHeader(key.privateKey, key.keyId, request.url ?? '/', text),
    });
    response.end(text);
  };
  const sendSigned = (request: http.IncomingMessage, response: http.ServerResponse, body: unknown) =>
    sendSignedText(request, response, JSON.stringify(body));
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${domain}`);
    if (url.pathname === '/.well-known/lynxprompt.json') {
      if (peer.behaviour === 'redirect-metadata') {
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        return;
      }
      if (peer.behaviour === 'redirect-other-host' || peer.behaviour === 'redirect-loopback') {
        response.writeHead(302, { location: peer.redirectTarget }).end();
        return;
      }
      const legacy = peer.behaviour.startsWith('legacy-');
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          name: 'Hostile',
          domain: peer.behaviour === 'wrong-domain' ? 'prompts.example.org' : domain,
          version: '9.9.9',
          federation: true,
          api: `http://${domain}/api/v1`,
          publicBlueprints: LEGACY_CLAIMS[peer.behaviour] ?? 1,
          ...(peer.logoUrl !== undefined ? { logoUrl: peer.logoUrl } : {}),
          ...(legacy
            ? {}
            : {
                protocol: 'lynxprompt-federation/1',
                publicKey: { id: key.keyId, algorithm: 'Ed25519', key: key.publicKey },
              }),
        }),
      );
      return;
    }
    peer.requests += 1;
    const detail = /^\/api\/blueprints\/bp_(.+)$/.exec(url.pathname);
    if (detail) {
      response.writeHead(200, { 'content-type': 'application/json' });
      // Garbage for every content fetch: valid JSON, but no content.
      if (peer.behaviour === 'legacy-garbage') return void response.end(JSON.stringify({ garbage: 'x'.repeat(1000) }));
      return void response.end(JSON.stringify({ id: `bp_${detail[1]}`, content: `# ${detail[1]}\n` }));
    }
    if (url.pathname !== '/api/v1/federation/blueprints') {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    switch (peer.behaviour) {
      case 'legacy-same-item':
      case 'legacy-garbage':
      case 'legacy-overclaim': {
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const total = LEGACY_CLAIMS[peer.behaviour] as number;
        // The same item whatever the offset, or a fresh page of new ids at every offset, forever.
        const ids =
          peer.behaviour === 'legacy-same-item'
            ? ['same']
            : Array.from({ length: 100 }, (_, index) => `item${offset + index}`);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ blueprints: ids.map(legacyItem), total, limit: 100, offset }));
        return;
      }
      case 'unstorable-items': {
        if (url.searchParams.get('cursor') === 'end')
          return sendSigned(request, response, { blueprints: [], tombstones: [], cursor: 'end', hasMore: false });
        return sendSigned(request, response, {
          blueprints: [
            item('good', '# Good\n'),
            { ...item('nul-name', '# Nul\n'), name: 'Bad\u0000name' },
            { ...item('lone-surrogate', '# Surrogate\n'), description: 'half a pair \ud800' },
            // Passes validation, but PostgreSQL has no year 0: only the database refuses it.
            { ...item('year-zero', '# Year zero\n'), createdAt: '0000-01-01T00:00:00Z' },
          ],
          tombstones: [{ id: 'gone\u0000' }],
          cursor: 'end',
          hasMore: false,
        });
      }
      case 'all-invalid': {
        // Every item's content disagrees with its hash, on every page, with a fresh cursor each time.
        const page = Number(url.searchParams.get('cursor') ?? 0);
        return sendSigned(request, response, {
          blueprints: Array.from({ length: 100 }, (_, index) =>
            item(`bad-${page}-${index}`, '# Swapped\n', createHash('sha256').update('# Original\n').digest('hex')),
          ),
          tombstones: [],
          cursor: String(page + 1),
          hasMore: true,
        });
      }
      case 'huge-body': {
        response.writeHead(200, { 'content-type': 'application/json' });
        let sent = 0;
        const pump = () => {
          while (sent < HUGE_BODY_BYTES) {
            sent += CHUNK.length;
            if (!response.write(CHUNK)) return void response.once('drain', pump);
          }
          response.end();
        };
        pump();
        return;
      }
      case 'drip': {
        response.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => response.write(' '), 1000);
        response.on('close', () => clearInterval(timer));
        return;
      }
      case 'invalid-json':
        return sendSignedText(request, response, '{"blueprints": [');
      case 'wrong-content-type': {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<html>hello</html>');
        return;
      }
      case 'bad-signature': {
        const text = JSON.stringify({
          blueprints: [item('a1', 'hello')],
          tombstones: [],
          cursor: 'c1',
          hasMore: false,
        });
        // Signed by the right key, but over a different body.
        const header = signatureHeader(key.privateKey, key.keyId, request.url ?? '/', `${text} `);
        response.writeHead(200, { 'content-type': 'application/json', 'lynxprompt-signature': header });
        response.end(text);
        return;
      }
      case 'hash-mismatch': {
        const cursor = url.searchParams.get('cursor');
        if (cursor === 'end')
          return sendSigned(request, response, { blueprints: [], tombstones: [], cursor: 'end', hasMore: false });
        return sendSigned(request, response, {
          blueprints: [
            item('good', '# Good\n'),
            item('evil', '# Swapped\n', createHash('sha256').update('# Original\n').digest('hex')),
          ],
          tombstones: [],
          cursor: 'end',
          hasMore: false,
        });
      }
      case 'cursor-loop': {
        const cursor = url.searchParams.get('cursor') ?? 'start';
        const next = cursor === 'a' ? 'b' : 'a';
        return sendSigned(request, response, {
          blueprints: [item(`loop-${next}`, `# Loop ${next}\n`)],
          tombstones: [],
          cursor: next,
          hasMore: true,
        });
      }
      case 'every-kind': {
        if (url.searchParams.get('cursor') === 'end') {
          return sendSigned(request, response, { blueprints: [], tombstones: [], cursor: 'end', hasMore: false });
        }
        const kinds: Array<[string, string, string]> = [
          ['rules', 'agents-md', '# Rules\n'],
          ['command', 'claude-command', 'Run the tests.\n'],
          ['skill', 'claude-skill', '---\nname: demo\ndescription: A demo skill\n---\nDo it.\n'],
          ['agent', 'claude-agent', '---\nname: reviewer\ndescription: Reviews code\n---\nReview.\n'],
          ['mcp-config', 'vscode-mcp', '{"servers":{}}\n'],
        ];
        return sendSigned(request, response, {
          blueprints: kinds.map(([kind, format, content]) => item(`kind-${kind}`, content, undefined, kind, format)),
          tombstones: [],
          cursor: 'end',
          hasMore: false,
        });
      }
      case 'rate-limited': {
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7200' });
        response.end('{"error":"Too many requests"}');
        return;
      }
      case 'million-items': {
        const items = Array.from({ length: 1_000_000 }, () => '{}').join(',');
        return sendSignedText(
          request,
          response,
          `{"blueprints":[${items}],"tombstones":[],"cursor":"x","hasMore":false}`,
        );
      }
      default: {
        const cursor = url.searchParams.get('cursor');
        if (cursor === 'end')
          return sendSigned(request, response, { blueprints: [], tombstones: [], cursor: 'end', hasMore: false });
        return sendSigned(request, response, {
          blueprints: [item('ok', '# Fine\n')],
          tombstones: [],
          cursor: 'end',
          hasMore: false,
        });
      }
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return peer;
}
