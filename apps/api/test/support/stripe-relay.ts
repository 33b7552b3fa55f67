import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the relay has passed on to Stripe and whose answer it keeps back from the app. */
export interface HeldAnswer {
  /** Resolves once the request reached Stripe and Stripe answered (the app is still waiting). */
  readonly answered: Promise<void>;
  /** Hands Stripe's answer to the app. */
  release(): void;
}

/**
 * A relay between the app and the fake Stripe that can hold back Stripe's answers. A held request still reaches
 * Stripe at once, so what it reads is Stripe's state at that moment; only the app learns it late. That makes a read
 * "overtaken" by later changes on purpose: what a slow network or a busy worker does by chance.
 */
export interface StripeRelay {
  /** http://127.0.0.1:PORT, for STRIPE_API_URL. */
  readonly url: string;
  /** Holds the answer to the next request with this method whose path starts with `pathPrefix`. */
  holdNext(method: string, pathPrefix: string): HeldAnswer;
  close(): Promise<void>;
}

export async function startStripeRelay(target: string): Promise<StripeRelay> {
  const holds: Array<{ method: string; pathPrefix: string; hold: (send: () => void) => void }> = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const index = holds.findIndex(
        (candidate) => candidate.method === request.method && path.startsWith(candidate.pathPrefix),
      );
      const [held] = index >= 0 ? holds.splice(index, 1) : [];
      const upstream = http.request(
        new URL(path, target),
        { method: request.method, headers: { ...request.headers, host: new URL(target).host } },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            let sent = false;
            const send = () => {
              if (sent) return;
              sent = true;
              response.writeHead(answer.statusCode ?? 502, answer.headers);
              response.end(Buffer.concat(body));
            };
            if (held) held.hold(send);
            else send();
          });
        },
      );
      upstream.on('error', (error) => {
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    holdNext(method, pathPrefix) {
      let markAnswered!: () => void;
      const answered = new Promise<void>((resolve) => (markAnswered = resolve));
      let send: (() => void) | undefined;
      let released = false;
      holds.push({
        method: method.toUpperCase(),
        pathPrefix,
        hold: (deliver) => {
          send = deliver;
          markAnswered();
          if (released) deliver();
        },
      });
      return {
        answered,
        release() {
          released = true;
          send?.();
        },
      };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
