import { createJsonLogger, parseLogLevel } from '@kaeru/server';
import { KaeruError } from '@kaeru/core';

describe('JSON-lines logger', () => {
  const capture = (options: Parameters<typeof createJsonLogger>[0] = {}) => {
    const lines: string[] = [];
    const logger = createJsonLogger({ now: () => new Date('2026-12-07T00:00:00Z'), write: (line) => lines.push(line), ...options });
    return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
  };

  it('writes one JSON object per line with time, level and message', () => {
    const { logger, parsed } = capture({ base: { instance: 'a1' } });
    logger.info('hearing sent', { member: 'slack:T1:U1' });
    expect(parsed()).toEqual([{ time: '2026-12-07T00:00:00.000Z', level: 'info', msg: 'hearing sent', instance: 'a1', member: 'slack:T1:U1' }]);
  });

  it('drops lines below its level', () => {
    const { logger, parsed } = capture({ level: 'warn' });
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(parsed().map((l) => l.level)).toEqual(['warn', 'error']);
  });

  it('never prints a secret: tokens, Authorization headers, signing secrets, secret-named fields', () => {
    const signingSecret = '8f742231b10e8888abcd99yyyzzz85a5';
    const { logger, lines } = capture({ secrets: [signingSecret] });
    logger.error(`call failed with xoxb-1234-5678-abcdefgh`, {
      headers: { authorization: 'Bearer xoxb-1234-5678-abcdefgh', 'content-type': 'application/json' },
      config: { botToken: 'xoxb-9999-8888-zzzzzzzz', appToken: 'xapp-1-A1-123-abcdef', signingSecret },
      note: `secret was ${signingSecret}`,
      pasted: 'Authorization: Bearer abcdefghijklmnop',
      error: new KaeruError('send_failed', 'invalid_auth for xoxp-1111-2222-33333333', 'slack'),
    });
    const text = lines.join('\n');
    for (const secret of ['xoxb-1234-5678-abcdefgh', 'xoxb-9999', 'xapp-1-A1', signingSecret, 'abcdefghijklmnop', 'xoxp-1111-2222']) expect(text).not.toContain(secret);
    expect(JSON.parse(lines[0])).toMatchObject({
      headers: { authorization: '[redacted]', 'content-type': 'application/json' },
      config: { botToken: '[redacted]' },
      error: { name: 'KaeruError', code: 'send_failed', message: '[kaeru] [slack] invalid_auth for xoxp-[redacted]' },
    });
  });

  it('reads LOG_LEVEL and rejects nonsense', () => {
    expect(parseLogLevel(undefined)).toBe('info');
    expect(parseLogLevel('DEBUG')).toBe('debug');
    expect(() => parseLogLevel('loud')).toThrow(/log level "loud"/);
  });
});
