import type { Incoming } from '@kaeru/core';
import { FakeOpenId } from './fake-openid';
import { APP_ID, fixture, startTeamsHarness, TENANT, type TeamsHarness } from './teams-harness';

/**
 * With auth on, only a request carrying a Bot Framework JWT that botbuilder accepts
 * (issuer, audience = our app id, signature from the published keys, expiry, the
 * `serviceurl` claim matching the activity) reaches the sink; everything else is a 401.
 * The OpenID metadata is a local fake: no test touches the internet.
 */
describe('Teams request authentication', () => {
  let openid: FakeOpenId;
  let harness: TeamsHarness;
  let activity: Record<string, any>;

  beforeAll(async () => {
    openid = await FakeOpenId.start();
    harness = await startTeamsHarness({
      adapter: { auth: 'on', appId: APP_ID, appPassword: 'not-used-no-outbound-call', appType: 'SingleTenant', tenantId: TENANT, openIdMetadataUrl: openid.metadataUrl },
    });
    activity = fixture('message-personal', harness.connector.url);
  });

  afterAll(async () => {
    await harness.close();
    await openid.close();
  });

  const bearer = (claims: Record<string, unknown>, key?: Parameters<FakeOpenId['token']>[1]) => ({ authorization: `Bearer ${openid.token(claims, key)}` });
  const good = () => ({ aud: APP_ID, serviceurl: harness.connector.url });

  async function expectRefused(headers: Record<string, string>): Promise<void> {
    const before = harness.received.length;
    const response = await harness.post(activity, headers);
    expect(response.status).toBe(401);
    expect(harness.received.length).toBe(before);
    expect(harness.connector.calls).toHaveLength(0);
  }

  it('no Authorization header → 401, refused before the body is read', async () => {
    await expectRefused({});
    expect(openid.fetches).toHaveLength(0);
  });

  it('a malformed token → 401 without fetching any key', async () => {
    await expectRefused({ authorization: 'Bearer not-a-jwt' });
    await expectRefused({ authorization: 'Basic dXNlcjpwYXNz' });
    await expectRefused({ authorization: 'Bearer aaa.bbb.ccc' });
    expect(openid.fetches).toHaveLength(0);
  });

  it('a token for another app (wrong audience) → 401', async () => {
    await expectRefused(bearer({ ...good(), aud: '11111111-2222-4333-8444-555555555555' }));
    expect(openid.fetches).toContain('/v1/keys');
  });

  it('an expired token → 401', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    await expectRefused(bearer({ ...good(), iat: past - 3600, nbf: past - 3600, exp: past }));
  });

  it('a token signed with an unpublished key → 401 (botbuilder alone would answer 500)', async () => {
    await expectRefused(bearer(good(), FakeOpenId.strangerKey()));
  });

  it('a token from another issuer → 401', async () => {
    await expectRefused(bearer({ ...good(), iss: 'https://evil.example' }));
  });

  it('a token issued for another service URL → 401', async () => {
    await expectRefused(bearer({ ...good(), serviceurl: 'https://smba.trafficmanager.net/emea/' }));
  });

  it('a valid token → 200 and the message reaches the sink', async () => {
    const response = await harness.post(activity, bearer(good()));
    expect(response.status).toBe(200);
    expect(harness.received.map((i: Incoming) => i.text)).toEqual(['18時半']);
  });
});
