import { describe, expect, it } from '@jest/globals';
import type { Storage } from '../ports/storage';

const NS = 'teams.references';

/** Adapter data: part of `storageContract`, run on the same fresh storage per test. */
export function adapterDataContract(storage: () => Storage): void {
  describe('adapter data', () => {
    it('round-trips a value, replaces it on put, and removes it', async () => {
      const s = storage();
      expect(await s.adapterData.get(NS, 'teams:T:u1')).toBeUndefined();
      await s.adapterData.put(NS, 'teams:T:u1', '{"serviceUrl":"https://a/"}');
      expect(await s.adapterData.get(NS, 'teams:T:u1')).toBe('{"serviceUrl":"https://a/"}');
      await s.adapterData.put(NS, 'teams:T:u1', '{"serviceUrl":"https://b/"}');
      expect(await s.adapterData.get(NS, 'teams:T:u1')).toBe('{"serviceUrl":"https://b/"}');
      expect(await s.adapterData.list(NS)).toEqual([{ key: 'teams:T:u1', value: '{"serviceUrl":"https://b/"}' }]);
      await s.adapterData.remove(NS, 'teams:T:u1');
      await s.adapterData.remove(NS, 'never-there');
      expect(await s.adapterData.get(NS, 'teams:T:u1')).toBeUndefined();
      expect(await s.adapterData.list(NS)).toEqual([]);
    });

    it('keeps namespaces apart', async () => {
      const s = storage();
      await s.adapterData.put('a', 'k', 'in a');
      await s.adapterData.put('b', 'k', 'in b');
      expect(await s.adapterData.get('a', 'k')).toBe('in a');
      expect(await s.adapterData.get('b', 'k')).toBe('in b');
      await s.adapterData.remove('a', 'k');
      expect(await s.adapterData.get('b', 'k')).toBe('in b');
      expect(await s.adapterData.list('a')).toEqual([]);
      expect(await s.adapterData.list('b')).toEqual([{ key: 'k', value: 'in b' }]);
    });

    it('lists by key prefix, ordered by key, case-sensitive and with wildcards taken literally', async () => {
      const s = storage();
      for (const key of ['room:2', 'room:10', 'member:1', 'Room:3', 'room_x', 'roomy', 'room%', 'room!'])
        await s.adapterData.put(NS, key, `v ${key}`);
      expect((await s.adapterData.list(NS, 'room:')).map((e) => e.key)).toEqual(['room:10', 'room:2']);
      expect((await s.adapterData.list(NS, 'room_')).map((e) => e.key)).toEqual(['room_x']);
      expect((await s.adapterData.list(NS, 'room%')).map((e) => e.key)).toEqual(['room%']);
      expect((await s.adapterData.list(NS, 'room!')).map((e) => e.key)).toEqual(['room!']);
      expect((await s.adapterData.list(NS, 'nothing'))).toEqual([]);
      expect((await s.adapterData.list(NS)).map((e) => e.key)).toEqual(['Room:3', 'member:1', 'room!', 'room%', 'room:10', 'room:2', 'room_x', 'roomy']);
      expect((await s.adapterData.list(NS, 'room:'))[0]).toEqual({ key: 'room:10', value: 'v room:10' });
    });

    it('stores Unicode keys and values exactly, and keys that differ only by case apart', async () => {
      const s = storage();
      const value = JSON.stringify({ name: '山田 🐸 👨‍👩‍👧', combining: 'Zoe\u0308', astral: '𠮷' });
      await s.adapterData.put(NS, '営業部🏢', value);
      await s.adapterData.put(NS, 'teams:T:UABC', 'upper');
      await s.adapterData.put(NS, 'teams:T:uabc', 'lower');
      expect(await s.adapterData.get(NS, '営業部🏢')).toBe(value);
      expect(await s.adapterData.get(NS, 'teams:T:UABC')).toBe('upper');
      expect(await s.adapterData.get(NS, 'teams:T:uabc')).toBe('lower');
      expect((await s.adapterData.list(NS, '営業')).map((e) => e.value)).toEqual([value]);
    });

    it('stores a value of about 100 KB', async () => {
      const s = storage();
      const big = JSON.stringify({ members: Array.from({ length: 4_000 }, (_, i) => `teams:T:29:1${String(i).padStart(20, '0')}`) });
      expect(big.length).toBeGreaterThan(100_000);
      await s.adapterData.put(NS, 'big', big);
      expect(await s.adapterData.get(NS, 'big')).toBe(big);
    });

    it('keeps nothing written inside a failed transaction (where capabilities.transactions)', async () => {
      const s = storage();
      await s.adapterData.put(NS, 'kept', 'before');
      const failing = s.transaction(async (tx) => {
        await tx.adapterData.put(NS, 'kept', 'after');
        await tx.adapterData.put(NS, 'new', 'x');
        await tx.adapterData.remove(NS, 'kept');
        throw new Error('boom');
      });
      await expect(failing).rejects.toThrow('boom');
      if (!s.capabilities.transactions) return;
      expect(await s.adapterData.list(NS)).toEqual([{ key: 'kept', value: 'before' }]);
    });
  });
}
