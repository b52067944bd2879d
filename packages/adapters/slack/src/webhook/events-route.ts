import type { Logger } from '@kaeru/core';
import type { SlackHttpRoute, SlackRawRequest, SlackRawResponse } from './http-types';
import { MalformedPayloadError, parseRequestBody, type SlackInbound } from './parse';
import { headerValue, verifySlackSignature } from './verify';

export interface EventsRouteOptions {
  path: string;
  signingSecret: string;
  now: () => Date;
  fallbackTeam?: string;
  logger: Logger;
  /** False until the adapter started: Slack retries what gets a 503. */
  accepting: () => boolean;
  /** Takes a verified, parsed request after it was acknowledged; never awaited by the route. */
  dispatch: (inbound: SlackInbound, retryNum: number | undefined) => void;
}

/**
 * The one webhook path for events, interactivity and slash commands. Order matters:
 * verify the raw bytes (401, nothing parsed), parse, acknowledge at once (Slack
 * wants an answer within 3 s), and only then hand the work on.
 */
export function createEventsRoute(options: EventsRouteOptions): SlackHttpRoute {
  return {
    method: 'POST',
    path: options.path,
    handler: async (request: SlackRawRequest): Promise<SlackRawResponse> => {
      const verdict = verifySlackSignature(
        {
          timestamp: headerValue(request.headers['x-slack-request-timestamp']),
          signature: headerValue(request.headers['x-slack-signature']),
          body: request.body,
        },
        options.signingSecret,
        options.now(),
      );
      if (!verdict.ok) {
        options.logger.warn('rejected an unverified Slack request', { reason: verdict.reason, path: request.path });
        return text(401, 'invalid signature');
      }
      let inbound: SlackInbound;
      try {
        inbound = parseRequestBody(request.body, headerValue(request.headers['content-type']), request.receivedAt, options.fallbackTeam);
      } catch (error) {
        if (!(error instanceof MalformedPayloadError)) throw error;
        options.logger.warn('unreadable Slack payload', { error: error.message });
        return text(400, 'malformed payload');
      }
      if (inbound.kind === 'challenge') return { status: 200, headers: { 'content-type': 'text/plain' }, body: inbound.challenge };
      if (!options.accepting()) return text(503, 'not started');
      const retry = headerValue(request.headers['x-slack-retry-num']);
      options.dispatch(inbound, retry === undefined ? undefined : Number(retry));
      return { status: 200 };
    },
  };
}

function text(status: number, body: string): SlackRawResponse {
  return { status, headers: { 'content-type': 'text/plain' }, body };
}
