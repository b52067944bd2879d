import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseConfig, validateConfig } from './load-config';

const room = { id: 'sales', name: '営業部', members: ['yamada'] };
const member = { id: 'yamada', name: '山田 洋子' };

/** The message a bad config stops the start with. */
function errorOf(raw: unknown): string {
  try {
    validateConfig(raw);
  } catch (error) {
    expect(error).toMatchObject({ code: 'config_invalid' });
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
}

describe('config file: each bad setting names itself and the fix', () => {
  it.each([
    [{ rooms: [{ ...room, timeZone: 'Tokyo' }], members: [member] }, 'rooms[0].timeZone: "Tokyo" is not an IANA time zone. Fix: use a zone like "Asia/Tokyo"'],
    [{ rooms: [{ ...room, hearingAt: '9am' }], members: [member] }, 'rooms[0].hearingAt: "9am" is not a time. Fix: write it as HH:mm'],
    [{ rooms: [{ ...room, hearingAt: 900 }], members: [member] }, 'rooms[0].hearingAt: expected a string, got 900. Fix: write it as "HH:mm", e.g. "09:00"'],
    [{ rooms: [{ ...room, reportAt: '08:00' }], members: [member] }, 'rooms[0].reportAt: the report (08:00) must come after the hearing (09:00)'],
    [{ rooms: [{ ...room, teiji: '25:00' }], members: [member] }, 'rooms[0].teiji: "25:00" is not a time'],
    [{ rooms: [{ ...room, locale: 'fr' }], members: [member] }, 'rooms[0].locale: "fr" is not allowed. Fix: use "ja" or "en"'],
    [{ rooms: [{ ...room, workDays: ['mon'] }], members: [member] }, 'rooms[0].workDays[0]: expected a number, got "mon". Fix: list weekdays 1 (Monday) to 7 (Sunday)'],
    [{ rooms: [{ ...room, workDays: [0] }], members: [member] }, 'rooms[0].workDays[0]: 0 is out of range. Fix: list weekdays'],
    [{ rooms: [{ ...room, members: ['sato'] }], members: [member] }, 'rooms[0].members[0]: "sato" is not a configured member'],
    [{ rooms: [{ ...room, hearingTime: '09:00' }], members: [member] }, 'rooms[0].hearingTime: is not a setting. Fix: remove it, or did you mean "hearingAt"?'],
    [{ rooms: [room], members: [{ id: 'yamada' }] }, 'members[0].name: is missing. Fix: give it a display name'],
    [{ rooms: [room], members: [{ ...member, timeZone: 'Tokyo' }] }, 'members[0].timeZone: "Tokyo" is not an IANA time zone'],
    [{ rooms: room, members: [member] }, 'rooms: expected a list, got'],
    [{ companyHolidays: ['12/29'] }, 'companyHolidays[0]: "12/29" is not a date or range. Fix: write "2026-12-29" or "2026-12-29..2027-01-03"'],
    [{ storage: { type: 'redis' } }, 'storage.type: "redis" is not allowed. Fix: use "sqlite", "postgres" or "mysql"'],
    [{ storage: { type: 'sqlite' } }, 'storage.file: is missing. Fix: give the SQLite file path'],
    [{ storage: { type: 'postgres', url: 'postgres://kaeru:s3cret@db/kaeru' } }, 'storage.url: holds a password, and config files get committed. Fix: leave storage.url out and set KAERU_DATABASE_URL'],
    [{ rooms: [{ ...room, id: '' }] }, 'rooms[0].id: is empty. Fix: give it a unique string id'],
    [{ credits: { instance: 't9.huge' } }, 'credits.instance: "t9.huge" is not a known instance type. Fix: use one of t2.micro'],
    [{ credits: { instance: 't2.micro', mode: 'burst' } }, 'credits.mode: "burst" is not allowed. Fix: use "standard" or "unlimited"'],
    [{ retention: { days: 3 } }, 'retention.days: 3 is not a whole number of days >= 7. Fix: keep at least 7 days'],
    [{ storage: { type: 'sqlite', file: 'k.sqlite', url: 'x' } }, 'storage.url: is not a setting. Fix: remove it. Settings here: type, file'],
    [{ room: [room] }, 'room: is not a setting. Fix: remove it, or did you mean "rooms"?'],
    [{ adapters: ['slak'] }, 'adapters: "slak" is not a chat platform kaeru knows. Fix: did you mean "slack"?'],
    [{ adapters: { slack: { transprt: 'socket' } } }, 'adapters.slack.transprt: is not a setting. Fix: remove it, or did you mean "transport"?'],
    [{ adapters: { slack: { transport: 'rtm' } } }, 'adapters.slack.transport: "rtm" is not allowed. Fix: use "http" (Events API) or "socket"'],
    [{ adapters: { slack: { botToken: 'xoxb-1-abc' } } }, 'adapters.slack.botToken: is a secret, and config files get committed. Fix: remove it and set SLACK_BOT_TOKEN in the environment'],
    [{ adapters: { slack: { signingSecret: 'abc' } } }, 'Fix: remove it and set SLACK_SIGNING_SECRET'],
    [{ rooms: [{ ...room, reminderAfterMinutes: 'soon' }], members: [member] }, 'rooms[0].reminderAfterMinutes: expected a number, got "soon"'],
  ])('%j', (raw, message) => {
    const text = errorOf(raw);
    expect(text).toMatch(/^\[kaeru\] configuration: /);
    expect(text).toContain(message);
  });
});

describe('config file: loading', () => {
  const dir = (): string => mkdtempSync(join(tmpdir(), 'kaeru-config-'));

  it('reads kaeru.config.json from the directory, with defaults filled', () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'kaeru.config.json'), JSON.stringify({ rooms: [room], members: [member] }));
    const loaded = loadConfig({ cwd })!;
    expect(loaded.source).toBe(join(cwd, 'kaeru.config.json'));
    expect(loaded.storage).toBeUndefined();
    expect(loaded.resolved.rooms[0]).toEqual({
      id: 'sales',
      name: '営業部',
      members: ['yamada'],
      timeZone: 'Asia/Tokyo',
      locale: 'ja',
      country: 'JP',
      hearingAt: '09:00',
      reportAt: '10:00',
      teiji: '18:00',
      lateFrom: '20:00',
      workDays: [1, 2, 3, 4, 5],
      holidays: [],
    });
  });

  it('reads YAML (kaeru.config.yaml, or any .yml given with --config)', () => {
    const cwd = dir();
    const yaml = ['storage:', '  type: sqlite', '  file: data/k.sqlite', 'rooms:', '  - id: dev', '    name: 開発部', '    teiji: "17:30"', '    members: [ken]', 'members:', '  - { id: ken, name: Ken Smith, locale: en }', ''].join('\n');
    writeFileSync(join(cwd, 'kaeru.config.yaml'), yaml);
    const loaded = loadConfig({ cwd })!;
    expect(loaded.resolved.rooms[0]).toMatchObject({ id: 'dev', name: '開発部', teiji: '17:30', members: ['ken'] });
    expect(loaded.resolved.members[0]).toMatchObject({ id: 'ken', locale: 'en' });
    expect(loaded.storage).toEqual({ type: 'sqlite', file: 'data/k.sqlite' });

    writeFileSync(join(cwd, 'other.yml'), 'companyHolidays: ["2026-12-29..2026-12-31"]\n');
    expect(loadConfig({ cwd, file: 'other.yml' })!.resolved.companyHolidays).toEqual(['2026-12-29', '2026-12-30', '2026-12-31']);
  });

  it('has no config (the demo is used) when no file is there', () => {
    expect(loadConfig({ cwd: dir() })).toBeUndefined();
  });

  it('names a missing --config file and a file that does not parse', () => {
    expect(() => loadConfig({ cwd: dir(), file: 'nope.json' })).toThrow(/configuration: --config: .*nope\.json does not exist/);
    expect(() => parseConfig('{ "rooms": [ }', '/x/kaeru.config.json')).toThrow(/configuration: \/x\/kaeru\.config\.json: is not valid JSON .*Fix: check commas/);
    expect(() => parseConfig('rooms: [\n  - id', '/x/kaeru.config.yaml')).toThrow(/is not valid YAML/);
  });

  it("accepts the repository's kaeru.config.example.json as it is", () => {
    const example = join(__dirname, '..', '..', '..', '..', 'kaeru.config.example.json');
    const loaded = loadConfig({ cwd: tmpdir(), file: example })!;
    expect(loaded.resolved.rooms[0]).toMatchObject({ id: 'sales', hearingAt: '09:00', workDays: [1, 2, 3, 4, 5] });
    expect(loaded.resolved.companyHolidays).toContain('2027-01-01');
  });

  it('reads the adapters of kaeru serve as a list of names or a section per platform, and keeps them out of the bot settings', () => {
    expect(validateConfig({ adapters: ['slack'] }).adapters).toEqual({ slack: {} });
    expect(validateConfig({ adapters: 'slack' }).adapters).toEqual({ slack: {} });
    const section = validateConfig({ adapters: { slack: { transport: 'socket', teamId: 'T1' } } });
    expect(section.adapters).toEqual({ slack: { transport: 'socket', teamId: 'T1' } });
    expect(section.bot).not.toHaveProperty('adapters');
    expect(validateConfig({}).adapters).toBeUndefined();
  });

  it('treats an empty YAML file as no settings', () => {
    expect(parseConfig('', '/x/kaeru.config.yaml').resolved).toEqual({ rooms: [], members: [], companyHolidays: [], admins: [], retention: { days: 400, inboundDays: 7 } });
  });
});
