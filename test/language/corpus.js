'use strict';
/**
 * The language corpus (test/fixtures/language/*.tsv), read the same way by the jest
 * suite and by scripts/eval-language.js. Plain CommonJS so the eval script can load it
 * next to the built core without a TypeScript step.
 *
 * Columns: utterance, now (ISO with offset), category, expected JSON, [time zone], [定時].
 * Lines starting with `#` and blank lines are skipped; `\n` in an utterance is a line break.
 */
const fs = require('node:fs');
const path = require('node:path');

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'language');
const DEFAULT_ZONE = 'Asia/Tokyo';
const DEFAULT_TEIJI = '18:00';

function loadCorpus(file) {
  const text = fs.readFileSync(file, 'utf8');
  const name = path.basename(file);
  const cases = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const cols = line.split('\t');
    if (cols.length < 4) throw new Error(`${name}:${index + 1}: expected at least 4 tab-separated columns`);
    const [utterance, now, category, expected, timeZone, teiji] = cols;
    cases.push({
      source: `${name}:${index + 1}`,
      utterance: utterance.replace(/\\n/g, '\n').replace(/\\t/g, '\t'),
      now,
      category,
      expected: JSON.parse(expected),
      timeZone: timeZone || DEFAULT_ZONE,
      teiji: teiji || DEFAULT_TEIJI,
    });
  });
  return cases;
}

/** Every corpus file, by language. */
function corpusFiles() {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
    .map((f) => path.join(FIXTURES, f));
}

/** Drops undefined-valued fields, so `{ time: undefined }` equals a missing `time`. */
function defined(value) {
  return JSON.parse(JSON.stringify(value));
}

function sortedKeys(value) {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys(value[k])]));
  }
  return value;
}

/** True when the actual understanding has exactly the expected fields and values. */
function sameUnderstanding(actual, expected) {
  return JSON.stringify(sortedKeys(defined(actual))) === JSON.stringify(sortedKeys(expected));
}

module.exports = { loadCorpus, corpusFiles, sameUnderstanding };
