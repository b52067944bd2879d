import type { IncomingHttpHeaders } from 'node:http';

/*
 * The shapes of `@kaeru/server`'s `HttpRoute`, repeated structurally so the adapter does
 * not depend on the server package (an embedder may mount the route in their own
 * express or fastify app). `test/slack/server-contract.test.ts` checks they stay assignable.
 */
export interface SlackRawRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  receivedAt: Date;
}

export interface SlackRawResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface SlackHttpRoute {
  method: 'POST';
  path: string;
  handler(request: SlackRawRequest): Promise<SlackRawResponse>;
}
