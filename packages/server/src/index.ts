export { createKaeruServer, type HealthStatus, type KaeruServer, type KaeruServerOptions } from './kaeru-server';
export { jsonResponse, servesHttp, type HttpAdapter, type HttpRoute, type RawRequest, type RawResponse } from './http-route';
export { BodyTooLargeError, readBody } from './read-body';
export { createJsonLogger, JsonLinesLogger, parseLogLevel, type JsonLoggerOptions, type LogLevel } from './json-logger';
export { redact, redactString, REDACTED } from './redact';
export { prometheusText } from './prometheus';
export { createBotServer, type BotServerOptions } from './bot-server';
