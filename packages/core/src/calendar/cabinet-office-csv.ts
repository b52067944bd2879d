import { KaeruError } from '../errors';
import type { Holiday } from '../ports/holiday-source';

/**
 * The Cabinet Office's list of national holidays (`syukujitsu.csv`, from
 * https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html): a header line
 * `国民の祝日・休日月日,国民の祝日・休日名称`, then one `1955/1/1,元日` per holiday.
 * The office publishes it in Shift_JIS; a UTF-8 copy (with or without BOM) is read too.
 */

const HEADER = '国民の祝日・休日月日,国民の祝日・休日名称';
const ROW = /^(\d{4})\/(\d{1,2})\/(\d{1,2}),(.+)$/;

/** Bytes → text: UTF-8 when the bytes are valid UTF-8 and carry the header, else Shift_JIS. */
export function decodeCabinetOfficeCsv(bytes: Uint8Array): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    if (text.includes(HEADER)) return text;
  } catch {
    // not UTF-8: fall through to Shift_JIS
  }
  return new TextDecoder('shift_jis').decode(bytes);
}

/** Parses the CSV (bytes in either encoding, or text); throws a `KaeruError` naming the first bad line. */
export function parseCabinetOfficeCsv(input: Uint8Array | string): Holiday[] {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeCabinetOfficeCsv(input);
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0 || lines[first].trim() !== HEADER)
    throw new KaeruError('holidays_invalid', `not the Cabinet Office holiday CSV: the first line must be "${HEADER}"`, 'holidays');
  const byDate = new Map<string, Holiday>();
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (i <= first || line === '') return;
    const m = ROW.exec(line);
    const date = m && `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    if (!m || !date || !isRealDate(date)) throw new KaeruError('holidays_invalid', `line ${i + 1}: "${line}" is not "YYYY/M/D,名称"`, 'holidays');
    byDate.set(date, { date, name: m[4].trim() });
  });
  if (byDate.size === 0) throw new KaeruError('holidays_invalid', 'the CSV lists no holidays', 'holidays');
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The years a list covers: an import replaces exactly these years. */
export function yearsOf(holidays: Holiday[]): number[] {
  return [...new Set(holidays.map((h) => Number(h.date.slice(0, 4))))].sort((a, b) => a - b);
}

function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}
