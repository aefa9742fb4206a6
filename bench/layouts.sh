#!/bin/bash
# The importer on the blind layout corpora of test/fixtures/layouts/: sheets
# written, with the role of every row, by someone who had seen the issue
# but not the importer.  For each corpus: how many rows the importer gets
# right (a control row answers its control, a range row the controls it
# states, a row to reject is rejected, any other row yields neither a
# response nor a reject), the false rejects, and the files a strict import
# would refuse.  Run by bench/run; prints Markdown.
set -eu
cd "$(dirname "$0")/.."
db=${KANSA_BENCH_DB:-kansa_bench}
for dir in test/fixtures/layouts/*/; do
	name=$(basename "$dir")
	abs=$(cd "$dir" && pwd)
	echo "#### $name"
	echo ""
	if [ -f "$dir/baseline.txt" ]; then
		echo "Blind figure (first measured): $(cat "$dir/baseline.txt")"
		echo ""
	fi
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -v dir="$abs" <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS kansa;
CREATE TEMP TABLE expected (file text, sheet text, row_number int, role text, control text, note text);
CREATE TEMP TABLE manifest (file text, framework text, encoding text, description text);
\set e :dir '/expected.tsv'
\set m :dir '/manifest.tsv'
COPY expected FROM :'e' WITH (FORMAT csv, DELIMITER E'\t', HEADER true, QUOTE E'\x01');
COPY manifest FROM :'m' WITH (FORMAT csv, DELIMITER E'\t', HEADER true, QUOTE E'\x01');
UPDATE expected SET sheet = NULL WHERE sheet = '';
DELETE FROM expected WHERE role = 'role';
SELECT set_config('bench.dir', :'dir', false) \gset
-- what the importer makes of each file: sheet_answers, every sheet it reads
CREATE TEMP TABLE got (file text, sheet text, row_number int, kind text, control text, via text, reason text, answer text);
CREATE TEMP TABLE refused (file text, message text);
DO $$
DECLARE
	f record;
BEGIN
	FOR f IN SELECT * FROM manifest ORDER BY file LOOP
		BEGIN
			INSERT INTO got
			SELECT f.file, CASE WHEN a.sheet IN ('csv', 'tsv') THEN NULL ELSE a.sheet END, a.row_number,
				   a.kind, a.control, a.via, a.reason, a.answer
			  FROM kansa.sheet_answers(pg_read_binary_file(current_setting('bench.dir') || '/' || f.file),
									   f.framework) AS a
			 ;
		EXCEPTION WHEN OTHERS THEN
			INSERT INTO refused VALUES (f.file, SQLERRM);
		END;
	END LOOP;
END
$$;
CREATE TEMP TABLE judged AS
SELECT e.*,
	   CASE e.role
		   WHEN 'control' THEN EXISTS (SELECT FROM got AS g WHERE g.file = e.file AND g.row_number = e.row_number
										  AND g.sheet IS NOT DISTINCT FROM e.sheet AND g.kind = 'response'
										  AND g.control = kansa.local_id(e.control::kansa.control_id))
		   WHEN 'range' THEN EXISTS (SELECT FROM got AS g WHERE g.file = e.file AND g.row_number = e.row_number
										AND g.sheet IS NOT DISTINCT FROM e.sheet AND g.kind = 'response')
		   WHEN 'reject' THEN EXISTS (SELECT FROM got AS g WHERE g.file = e.file AND g.row_number = e.row_number
										 AND g.sheet IS NOT DISTINCT FROM e.sheet AND g.kind = 'rejected')
		   ELSE NOT EXISTS (SELECT FROM got AS g WHERE g.file = e.file AND g.row_number = e.row_number
							   AND g.sheet IS NOT DISTINCT FROM e.sheet AND g.kind IN ('response', 'rejected'))
	   END AND e.file NOT IN (SELECT file FROM refused) AS right_role,
	   -- the role sheet_answers shows: the skip reason, or a sheet set aside
	   CASE WHEN e.role IN ('control', 'range', 'reject') THEN NULL
			WHEN EXISTS (SELECT FROM got AS g WHERE g.file = e.file AND g.kind = 'layout'
							AND g.reason::jsonb -> 'other_sheets' ? e.sheet) THEN true
			WHEN e.role = 'blank' THEN NOT EXISTS (SELECT FROM got AS g WHERE g.file = e.file AND g.row_number = e.row_number
														AND g.sheet IS NOT DISTINCT FROM e.sheet AND g.kind <> 'layout')
			ELSE EXISTS (SELECT FROM got AS g WHERE g.file = e.file AND g.row_number = e.row_number
							AND g.sheet IS NOT DISTINCT FROM e.sheet AND g.kind = 'skipped'
							AND CASE e.role WHEN 'repeat' THEN g.reason LIKE 'repeated %' ELSE g.reason = e.role END)
	   END AS right_shown,
	   EXISTS (SELECT FROM got AS g WHERE g.file = e.file AND g.row_number = e.row_number
				  AND g.sheet IS NOT DISTINCT FROM e.sheet AND g.kind = 'rejected') AND e.role <> 'reject' AS false_reject
  FROM expected AS e;
SELECT format('%s files, %s rows (%s controls, %s ranges, %s sections, %s rows to reject).',
			  (SELECT count(*) FROM manifest), count(*), count(*) FILTER (WHERE role = 'control'),
			  count(*) FILTER (WHERE role = 'range'), count(*) FILTER (WHERE role = 'section'),
			  count(*) FILTER (WHERE role = 'reject'))
  FROM judged;
SELECT '';
SELECT '| measure | value |';
SELECT '|---|---:|';
SELECT format('| rows whose role the importer gets right | %s of %s (%s%%) |', count(*) FILTER (WHERE right_role), count(*),
			  round(100.0 * avg(right_role::int), 1)) FROM judged;
SELECT format('| rows of no answer whose role sheet_answers shows right (title, header, section, note, repeated, blank) | %s of %s (%s%%) |',
			  count(*) FILTER (WHERE right_shown AND right_role), count(right_shown),
			  round(100.0 * count(*) FILTER (WHERE right_shown AND right_role) / nullif(count(right_shown), 0), 1)) FROM judged;
SELECT format('| control rows whose answer is the control title (a title column read as the answer) | %s |', count(*))
  FROM judged AS e JOIN got AS g ON g.file = e.file AND g.row_number = e.row_number
	   AND g.sheet IS NOT DISTINCT FROM e.sheet AND g.kind = 'response'
  JOIN kansa.control AS c ON c.id::text = e.control
 WHERE e.role = 'control' AND regexp_replace(g.answer, '\s', '', 'g') = regexp_replace(c.title, '\s', '', 'g');
SELECT format('| range rows that answer exactly the controls of the range stated | %s of %s |',
			  count(*) FILTER (WHERE got_set = want_set), count(*))
  FROM (SELECT e.file, e.row_number,
			   (SELECT array_agg(g.control ORDER BY g.control) FROM got AS g
				 WHERE g.file = e.file AND g.row_number = e.row_number
				   AND g.sheet IS NOT DISTINCT FROM e.sheet AND g.kind = 'response') AS got_set,
			   (SELECT array_agg(kansa.local_id(c.id) ORDER BY kansa.local_id(c.id)) FROM kansa.control AS c
				 WHERE c.framework = split_part(e.control, ':', 1) AND c.kind = 'control'
				   AND c.position BETWEEN
					   (SELECT position FROM kansa.control
						 WHERE id::text = split_part(e.control, '..', 1))
				   AND (SELECT position FROM kansa.control
						 WHERE id::text = split_part(e.control, ':', 1) || ':' || split_part(e.control, '..', 2))) AS want_set
		  FROM judged AS e WHERE e.role = 'range') AS r;
SELECT format('| false rejects (rows rejected that are no answer to an unknown id) | %s |', count(*) FILTER (WHERE false_reject)) FROM judged;
SELECT format('| files a strict import refuses (a reject, or no id column found) | %s of %s |',
			  (SELECT count(DISTINCT file) FROM (SELECT file FROM refused UNION SELECT file FROM got WHERE kind = 'rejected') AS r),
			  (SELECT count(*) FROM manifest));
SELECT '';
SELECT '| role | rows | right | shown right |';
SELECT '|---|---:|---:|---:|';
SELECT format('| %s | %s | %s | %s |', role, count(*), count(*) FILTER (WHERE right_role),
			  CASE WHEN count(right_shown) > 0 THEN (count(*) FILTER (WHERE right_role AND right_shown))::text ELSE '' END) FROM judged GROUP BY role ORDER BY count(*) DESC;
SELECT '';
SELECT format('Refused: %s', coalesce(string_agg(file || ' (' || left(message, 80) || ')', '; ' ORDER BY file), 'none')) FROM refused;
SQL
	echo ""
done
