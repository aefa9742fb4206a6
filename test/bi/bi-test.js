// Reads every kansa view through node-postgres, the client most Node-based
// BI tools use, logged in as a role that is only a member of kansa_bi.
// Prints "ok - ..." / "not ok - ..." lines; test/cli/bi.sh runs it.
//
// usage: node bi-test.js DATABASE BI_USER BI_PASSWORD
// Connection defaults (host, port) come from the PG* environment.
'use strict';
const { Client } = require('pg');

// The column types a dashboard can take without a plugin: text, integer
// (int4, and int8 for ids), numeric, boolean, date, timestamptz.
const PLAIN = new Map([
  [25, 'text'], [23, 'integer'], [20, 'bigint'], [1700, 'numeric'],
  [16, 'boolean'], [1082, 'date'], [1184, 'timestamptz'],
  // assessment_change's sentences added and removed: a text array, asked for
  [1009, 'text[]'],
]);

let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    console.log(`ok - bi: ${name}`);
  } else {
    failed++;
    console.log(`not ok - bi: ${name}${detail ? ` (${detail})` : ''}`);
  }
}

async function main() {
  const [database, user, password] = process.argv.slice(2);
  const bi = new Client({ database, user, password });
  await bi.connect();

  const views = (await bi.query(
    `SELECT c.relname, obj_description(c.oid, 'pg_class') AS comment
       FROM pg_class AS c
      WHERE c.relnamespace = 'kansa'::regnamespace AND c.relkind = 'v'
      ORDER BY c.relname`)).rows;
  check('the twenty-four views are there', views.length === 24, views.map((v) => v.relname).join(','));

  for (const v of views) {
    check(`${v.relname} has a comment`, (v.comment || '').length > 20);
    const cols = (await bi.query(
      `SELECT a.attname, col_description(a.attrelid, a.attnum) AS comment
         FROM pg_attribute AS a
        WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`, [`kansa.${v.relname}`])).rows;
    const uncommented = cols.filter((c) => !c.comment).map((c) => c.attname);
    check(`every column of ${v.relname} has a comment`, uncommented.length === 0,
      uncommented.join(','));

    const res = await bi.query(`SELECT * FROM kansa.${v.relname} LIMIT 1000`);
    check(`${v.relname} returns rows`, res.rows.length > 0, `${res.rows.length} rows`);
    const odd = res.fields.filter((f) => !PLAIN.has(f.dataTypeID))
      .map((f) => `${f.name}:${f.dataTypeID}`);
    check(`every column of ${v.relname} arrives with a standard type OID`, odd.length === 0,
      odd.join(','));
    check(`${v.relname}: the wire gives every column the view declares`,
      res.fields.length === cols.length, `${res.fields.length} vs ${cols.length}`);
  }

  // values arrive as a dashboard would show them
  const s = (await bi.query(
    `SELECT framework, controls_in_scope, coverage_pct, score_pct, received_at, imported_at,
            score_pct::text AS score_text
       FROM kansa.assessment_summary WHERE framework = 'meti_cloud'`)).rows[0];
  check('integers arrive as numbers', s && s.controls_in_scope === 86, s && s.controls_in_scope);
  check('numeric percentages arrive exactly', s && s.coverage_pct === '100.0' &&
    /^\d+\.\d$/.test(s.score_pct) && s.score_pct === s.score_text,
    s && `${s.coverage_pct} ${s.score_pct}`);
  check('dates and timestamps arrive as dates', s && s.received_at instanceof Date
    && s.imported_at instanceof Date);
  const g = (await bi.query(
    `SELECT severity, count(*)::integer AS n FROM kansa.gaps GROUP BY severity ORDER BY severity`)).rows;
  check('gaps can be counted by severity', g.length === 3, JSON.stringify(g));

  // a kansa_bi member sees the views, not the tables behind them
  let denied = '';
  try {
    await bi.query('SELECT count(*) FROM kansa.response');
  } catch (e) {
    denied = e.code;
  }
  check('the tables behind the views are refused (42501)', denied === '42501', denied);
  await bi.end();
}

main().catch((e) => {
  console.log(`not ok - bi: the test ran to the end (${e.message})`);
  process.exit(1);
}).then(() => process.exit(failed ? 1 : 0));
