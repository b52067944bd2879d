/**
 * The one line `npm test` prints when server backends were left out, so a green run on a
 * developer machine never reads as "PostgreSQL and MariaDB pass". CI sets both variables
 * (scripts/ci/databases.sh), so there it prints nothing.
 *
 *   require('./untested-backends').report();   // from scripts/test.js, once per run
 *   node scripts/untested-backends.js           // or on its own
 */
const BACKENDS = [
  { name: 'PostgreSQL storage + multi-process', env: 'KAERU_TEST_POSTGRES_URL', example: 'postgres://postgres@127.0.0.1:55432/kaeru_test' },
  { name: 'MariaDB/MySQL storage', env: 'KAERU_TEST_MYSQL_URL', example: 'mysql://kaeru:kaeru@127.0.0.1:53306/kaeru_test' },
];

/** The line to print, or `undefined` when every backend is configured. */
function untestedBackendsLine(env = process.env) {
  const missing = BACKENDS.filter((b) => !env[b.env]);
  if (missing.length === 0) return undefined;
  const names = missing.map((b) => b.name).join(' and ');
  const vars = missing.map((b) => `${b.env}=${b.example}`).join(' ');
  return (
    `[kaeru] not tested: ${names} ` +
    `(set ${vars}, or run: eval "$(bash scripts/ci/databases.sh start)")`
  );
}

/** Prints the line when something was left out; returns it. */
function report(env = process.env) {
  const line = untestedBackendsLine(env);
  if (line) console.log(line);
  return line;
}

module.exports = { untestedBackendsLine, report, BACKENDS };

if (require.main === module) report();
