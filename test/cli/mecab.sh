#!/bin/bash
# MeCab inside the backend: nothing it allocates outlives an ERROR.  In one
# session, 10,000 calls that fail (a dictionary that cannot be opened, and
# an error raised after the tokens were made) and 200 switches between two
# dictionaries; the backend's resident memory must stay flat (grow by less
# than 20 MB; the dictionaries are mapped files, counted once).
# Prints "ok - ..." / "not ok - ..." lines; scripts/run-suite counts them.
set -u
cd "$(dirname "$0")/../.."
db=kansa_mecab
trap 'dropdb --if-exists --force $db > /dev/null 2>&1' EXIT
dropdb --if-exists --force $db > /dev/null 2>&1
createdb -E UTF8 -T template0 $db
out=$(psql -X -q -At -d $db 2>&1 <<'SQL'
CREATE EXTENSION kansa;
CREATE FUNCTION rss_kb() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	s text := pg_read_file('/proc/' || pg_backend_pid() || '/status');
BEGIN
	RETURN substring(s FROM 'VmRSS:\s+(\d+) kB')::bigint;
END $$;
-- warm up: the tagger made, the functions cached
SELECT count(*) FROM kansa.tokens('暗号化しています。');
SELECT 'before', rss_kb();
DO $$
DECLARE
	i int;
	failed int := 0;
BEGIN
	FOR i IN 1 .. 5000 LOOP
		BEGIN
			PERFORM set_config('kansa.mecab_dictionary', '/nonexistent/dic', true);
			PERFORM count(*) FROM kansa.tokens('バックアップを取得しています。');
		EXCEPTION WHEN undefined_file THEN
			failed := failed + 1;
		END;
		BEGIN
			PERFORM set_config('kansa.mecab_dictionary', '/var/lib/mecab/dic/ipadic-utf8', true);
			PERFORM count(*) FROM kansa.tokens('許可のない者は入室できません。' || i) AS t WHERE t."position" / 0 = 1;
		EXCEPTION WHEN division_by_zero THEN
			failed := failed + 1;
		END;
	END LOOP;
	RAISE NOTICE 'failed %', failed;
	FOR i IN 1 .. 100 LOOP
		PERFORM set_config('kansa.mecab_dictionary', '/var/lib/mecab/dic/naist-jdic', true);
		PERFORM count(*) FROM kansa.tokens('外部委託は行っていません。');
		PERFORM set_config('kansa.mecab_dictionary', '/var/lib/mecab/dic/ipadic-utf8', true);
		PERFORM count(*) FROM kansa.tokens('外部委託は行っていません。');
	END LOOP;
END
$$;
SELECT 'after', rss_kb();
SELECT 'works', count(*) FROM kansa.tokens('運搬車はありません。');
SQL
)
before=$(echo "$out" | sed -n 's/^before|//p')
after=$(echo "$out" | sed -n 's/^after|//p')
failed=$(echo "$out" | sed -n 's/.*NOTICE:  failed //p')
if [ "$failed" = "10000" ]; then
	echo "ok - mecab: 10,000 failing calls in one session raised ordinary errors"
else
	echo "not ok - mecab: 10,000 failing calls raised ordinary errors (got \"$failed\"): $(echo "$out" | tail -3)"
fi
if [ -n "$before" ] && [ -n "$after" ] && [ $((after - before)) -lt 20480 ]; then
	echo "ok - mecab: backend memory flat across them and 200 dictionary switches (${before} kB -> ${after} kB)"
else
	echo "not ok - mecab: backend memory flat (before \"$before\" kB, after \"$after\" kB)"
fi
if echo "$out" | grep -q '^works|[1-9]'; then
	echo "ok - mecab: the session still analyses text afterwards"
else
	echo "not ok - mecab: the session still analyses text afterwards"
fi
