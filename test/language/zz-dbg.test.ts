import { understand } from '../../packages/core/src/language';
const ctx = { now: '2026-12-07T09:00:00+09:00', timeZone: 'Asia/Tokyo' };
const cases = (process.env.CASES ?? '').split('|');
test('dbg', () => { for (const c of cases) console.log(c, '→', JSON.stringify(understand(c, ctx))); });
