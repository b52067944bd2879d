import type { Logger } from '@kaeru/core';
import type { Request, Response } from 'botbuilder';
import { hasBearerToken, type VerifyOutcome } from '../auth/verify-request';
import { RecordedResponse, toBotbuilderRequest } from './bridge';
import type { TeamsHttpRoute, TeamsRawRequest, TeamsRawResponse } from './http-types';

export interface MessagesRouteOptions {
  path: string;
  /** False only in the explicit local-testing mode. */
  authenticate: boolean;
  verify(activity: Record<string, unknown>, authorization: string): Promise<VerifyOutcome>;
  /** False until the adapter started: the channel retries what gets a 503. */
  accepting(): boolean;
  /** `CloudAdapter.process` with the adapter's turn logic. */
  process(request: Request, response: Response): Promise<void>;
  logger: Logger;
}

/**
 * `POST /api/messages`. Order matters: refuse a request without a bearer JWT before
 * reading its body; parse (the token's `serviceurl` claim is checked against the
 * activity); validate the JWT (401, never processed); only then let botbuilder run the
 * turn, through the bridge, and answer what it wrote.
 */
export function createMessagesRoute(options: MessagesRouteOptions): TeamsHttpRoute {
  return {
    method: 'POST',
    path: options.path,
    handler: async (request: TeamsRawRequest): Promise<TeamsRawResponse> => {
      const authorization = header(request.headers.authorization);
      if (options.authenticate && !hasBearerToken(authorization)) {
        options.logger.warn('rejected a Teams request without a bearer token', { path: request.path, present: authorization !== undefined });
        return text(401, 'unauthorized');
      }
      const activity = parseActivity(request.body);
      if (!activity) return text(400, 'body is not an activity');
      if (options.authenticate) {
        const verdict = await options.verify(activity, authorization!);
        if (!verdict.ok) {
          const log = verdict.status === 401 ? options.logger.warn : options.logger.error;
          log.call(options.logger, 'rejected a Teams request', { status: verdict.status, reason: verdict.reason, activityType: String(activity.type) });
          return text(verdict.status, verdict.status === 401 ? 'unauthorized' : 'authentication unavailable');
        }
      }
      if (!options.accepting()) return text(503, 'not started');
      const response = new RecordedResponse();
      await options.process(toBotbuilderRequest(request, activity), response);
      return response.toRaw();
    },
  };
}

function parseActivity(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string'
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function text(status: number, body: string): TeamsRawResponse {
  return { status, headers: { 'content-type': 'text/plain' }, body };
}
