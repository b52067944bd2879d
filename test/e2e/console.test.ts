import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { between, countLines, ensureBuilt, runCli } from './run-cli';

/**
 * `kaeru console` end to end, as the README's scripted demo: the built CLI, a real
 * SQLite file, a virtual clock, a script piped to stdin. The engine's wording may
 * change; these checks hold on names, times, arrows and counts.
 */

const MEMBERS = ['山田 洋子', '田中 健', 'Ken Smith'];

jest.setTimeout(180_000);

beforeAll(() => ensureBuilt());

describe('kaeru console, scripted (the demo team, a virtual clock, one SQLite file)', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'kaeru-e2e-'));
  const args = ['console', '--clock', 'virtual', '--db', join(cwd, 'k.sqlite'), '--start', '2026-12-07T08:55:00+09:00'];
  const day = [
    '/as yamada',
    '/time 09:00',
    '1',
    '/as tanaka',
    '19時',
    '/as ken',
    '18:30',
    '/as yamada',
    'やっぱり18時半',
    '/time 10:00',
    '田中さんは何時に帰る？',
    'ヘルプ',
    '/quit',
  ];
  let first: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    first = await runCli(args, day, cwd);
  });

  it('exits 0 after the script, with nothing on stderr', () => {
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('first says how to speak as a member, move the clock and quit', () => {
    const firstLine = first.stdout.split('\n')[0];
    expect(firstLine).toContain('/as');
    expect(firstLine).toContain('/time');
    expect(firstLine).toContain('/quit');
  });

  it('sends the hearing at 09:00 to each member once, with numbered buttons', () => {
    const hearing = between(first.stdout, '09:00 Asia/Tokyo', '山田 洋子> ');
    for (const name of MEMBERS) expect(countLines(hearing, `[DM → ${name}]`)).toBe(1);
    expect(hearing).toMatch(/ {2}\[1\] .+ {2}\[2\] /);
    // Nothing before 09:00: the clock started at 08:55.
    expect(between(first.stdout, '08:55 Asia/Tokyo', '09:00 Asia/Tokyo')).not.toContain('[DM →');
  });

  it('confirms each answer to the member who gave it, a clicked button included', () => {
    // The click is echoed with its label, then confirmed in the member's DM.
    expect(between(first.stdout, '山田 洋子> [1]')).toMatch(/^ \S[^\n]*\n\[DM → 山田 洋子\]/);
    expect(between(first.stdout, '田中 健> 19時', '> ')).toContain('19:00');
    expect(between(first.stdout, 'Ken Smith> 18:30', '> ')).toContain('18:30');
  });

  it('shows a change as old → new', () => {
    const change = between(first.stdout, '山田 洋子> やっぱり18時半', '-- ');
    expect(change).toContain('[DM → 山田 洋子]');
    expect(change).toMatch(/\d\d:\d\d\s*→\s*18:30/);
  });

  it('posts the report at 10:00 in the room, listing the declared times', () => {
    const report = between(first.stdout, '10:00 Asia/Tokyo', '> ');
    expect(countLines(report, '[#営業部]')).toBe(1);
    for (const text of ['山田 洋子', '田中 健', 'Ken Smith', '18:30', '19:00']) expect(report).toContain(text);
  });

  it('answers a search with the member and the time', () => {
    const answer = between(first.stdout, '山田 洋子> 田中さんは何時に帰る？', '> ');
    expect(answer).toContain('[DM → 山田 洋子]');
    expect(answer).toContain('田中');
    expect(answer).toContain('19:00');
  });

  it('answers help with examples', () => {
    const help = between(first.stdout, '山田 洋子> ヘルプ', '-- ');
    expect(help).toContain('[DM → 山田 洋子]');
    expect(help.split('\n').length).toBeGreaterThan(3);
  });

  it('keeps the data for the next run on the same file, and does not repeat the hearing', async () => {
    const again = await runCli(args, ['/as tanaka', '/time 09:00', 'レポート', '/quit'], cwd);
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: '' });
    // 08:55 → 09:00 again: the hearing was claimed and sent in the first run.
    expect(between(again.stdout, '09:00 Asia/Tokyo', '田中 健> ')).not.toContain('[DM →');
    const board = between(again.stdout, '田中 健> レポート', '-- ');
    for (const text of ['山田 洋子', '18:30', '田中 健', '19:00']) expect(board).toContain(text);
  });
});

describe('kaeru console: configuration', () => {
  it('stops with exit code 2 and names the bad setting and the fix, before touching the database', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kaeru-e2e-config-'));
    writeFileSync(join(cwd, 'kaeru.config.json'), JSON.stringify({ rooms: [{ id: 'sales', timeZone: 'Tokyo' }] }));
    const run = await runCli(['console'], [], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[kaeru] configuration: rooms[0].timeZone: "Tokyo" is not an IANA time zone. Fix: use a zone like "Asia/Tokyo"');
    expect(run.stdout).toBe('');
  });

  it('rejects an unknown clock', async () => {
    const run = await runCli(['console', '--clock', 'fast'], [], mkdtempSync(join(tmpdir(), 'kaeru-e2e-flag-')));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--clock.*fast/);
  });
});
