import { signSlackRequest, verifySlackSignature } from '@kaeru/adapter-slack';
import { fixture, postSigned, SIGNING_SECRET, startSlackHarness, type SlackHarness } from './slack-harness';

describe('Slack request signatures: verified before anything is parsed', () => {
  let h: SlackHarness;
  beforeEach(async () => (h = await startSlackHarness()));
  afterEach(() => h.close());

  const body = () => JSON.stringify(fixture('message-im'));

  it('a correctly signed event gets 200 and reaches the sink', async () => {
    const response = await h.post(body());
    expect(response.status).toBe(200);
    expect(h.received).toHaveLength(1);
  });

  it.each([
    ['a wrong signature', { signature: `v0=${'0'.repeat(64)}` }],
    ['a signature made with another secret', { secret: 'not-the-signing-secret' }],
    ['no signature header', { signature: null }],
    ['a garbled signature', { signature: 'v1=abc' }],
    ['a timestamp 6 minutes old', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['a timestamp 6 minutes in the future', { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 }],
  ])('%s gets 401 and the sink is never called', async (_, options) => {
    const response = await h.post(body(), options);
    expect(response.status).toBe(401);
    expect(h.received).toHaveLength(0);
  });

  it('a missing timestamp header gets 401', async () => {
    const text = body();
    const response = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-slack-signature': signSlackRequest(SIGNING_SECRET, 1, text) },
      body: text,
    });
    expect(response.status).toBe(401);
    expect(h.received).toHaveLength(0);
  });

  it('a body that is not even JSON is refused by signature, not by the parser', async () => {
    const response = await h.post('{not json', { signature: `v0=${'a'.repeat(64)}` });
    expect(response.status).toBe(401);
  });

  it('a captured request replayed with its old timestamp is refused', async () => {
    // Captured when it was valid: signed 10 minutes ago, exactly as Slack sent it then.
    const then = Math.floor(Date.now() / 1000) - 10 * 60;
    const captured = { body: body(), signature: signSlackRequest(SIGNING_SECRET, then, body()), timestamp: then };
    const replayed = await postSigned(h.eventsUrl, captured.body, { timestamp: captured.timestamp, signature: captured.signature });
    await h.adapter.idle();
    expect(replayed.status).toBe(401);
    expect(h.received).toHaveLength(0);
  });

  it('a replay with a fresh timestamp but the old signature does not match', async () => {
    const then = Math.floor(Date.now() / 1000) - 10 * 60;
    const response = await h.post(body(), { signature: signSlackRequest(SIGNING_SECRET, then, body()) });
    expect(response.status).toBe(401);
    expect(h.received).toHaveLength(0);
  });
});

describe('verifySlackSignature', () => {
  const now = new Date('2026-12-07T00:00:00Z');
  const ts = String(now.getTime() / 1000);
  const body = Buffer.from('{"type":"event_callback"}');

  it('matches the example of Slack\'s documentation', () => {
    // From api.slack.com "Verifying requests from Slack".
    const docBody =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, docBody)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('accepts a good signature and names each kind of refusal', () => {
    const good = signSlackRequest('s3cret', ts, body);
    expect(verifySlackSignature({ timestamp: ts, signature: good, body }, 's3cret', now)).toEqual({ ok: true });
    expect(verifySlackSignature({ timestamp: ts, signature: undefined, body }, 's3cret', now)).toEqual({ ok: false, reason: 'missing' });
    expect(verifySlackSignature({ timestamp: 'soon', signature: good, body }, 's3cret', now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySlackSignature({ timestamp: ts, signature: good, body: Buffer.from('{"type":"other"}') }, 's3cret', now)).toEqual({ ok: false, reason: 'mismatch' });
    const late = new Date(now.getTime() + 301_000);
    expect(verifySlackSignature({ timestamp: ts, signature: good, body }, 's3cret', late)).toEqual({ ok: false, reason: 'stale' });
    const justInTime = new Date(now.getTime() + 299_000);
    expect(verifySlackSignature({ timestamp: ts, signature: good, body }, 's3cret', justInTime)).toEqual({ ok: true });
  });

  it('signs the raw bytes, so re-serialised JSON does not verify', () => {
    const raw = Buffer.from('{ "type": "event_callback" }');
    const signature = signSlackRequest('s3cret', ts, raw);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString())));
    expect(verifySlackSignature({ timestamp: ts, signature, body: reserialised }, 's3cret', now).ok).toBe(false);
  });
});
