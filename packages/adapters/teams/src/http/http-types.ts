import type { IncomingHttpHeaders } from 'node:http';

/*
 * The shapes of `@kaeru/server`'s `HttpRoute`, repeated structurally (as the Slack
 * adapter does) so the adapter does not depend on the server package: an embedder may
 * mount the route in their own express or fastify app. `test/teams/server-contract.test.ts`
 * checks they stay assignable.
 */
export interface TeamsRawRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  receivedAt: Date;
}

export interface TeamsRawResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface TeamsHttpRoute {
  method: 'POST';
  path: string;
  handler(request: TeamsRawRequest): Promise<TeamsRawResponse>;
}
