import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Bot Framework's OpenID metadata on 127.0.0.1: the configuration document and a JWKS
 * with a key generated here, so tests sign channel tokens (valid, expired, for another
 * audience) and botbuilder validates them without any call to the internet.
 */
export class FakeOpenId {
  readonly kid = 'kaeru-test-key';
  readonly fetches: string[] = [];
  private readonly privateKey: KeyObject;
  private readonly jwk: Record<string, unknown>;

  private constructor(private readonly server: Server, keys: { privateKey: KeyObject; publicKey: KeyObject }) {
    this.privateKey = keys.privateKey;
    this.jwk = { ...(keys.publicKey.export({ format: 'jwk' }) as Record<string, unknown>), kid: this.kid, use: 'sig', endorsements: ['msteams', 'emulator'] };
  }

  static async start(): Promise<FakeOpenId> {
    let fake!: FakeOpenId;
    const server = createServer((req, res) => {
      fake.fetches.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration') return res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${fake.base}/v1/keys` }));
      if (req.url === '/v1/keys') return res.end(JSON.stringify({ keys: [fake.jwk] }));
      res.statusCode = 404;
      res.end('{}');
    });
    fake = new FakeOpenId(server, generateKeyPairSync('rsa', { modulusLength: 2048 }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get base(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The URL to give the adapter as `openIdMetadataUrl`. */
  get metadataUrl(): string {
    return `${this.base}/v1/.well-known/openidconfiguration`;
  }

  /** A channel token as the Bot Connector signs it; `claims` override the defaults, `key` signs with another key. */
  token(claims: Record<string, unknown>, key: KeyObject = this.privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid, x5t: this.kid };
    const payload = { iss: 'https://api.botframework.com', nbf: now - 60, iat: now - 60, exp: now + 3600, ...claims };
    const body = `${b64(header)}.${b64(payload)}`;
    return `${body}.${sign('sha256', Buffer.from(body), key).toString('base64url')}`;
  }

  /** A key nobody published. */
  static strangerKey(): KeyObject {
    return createPrivateKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
