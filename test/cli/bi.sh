#!/bin/bash
# BI readiness: reads every view through the pg npm client (node-postgres)
# as a login role that is only a member of kansa_bi.  Installs pg from the
# npm registry into test/bi/node_modules (package-lock.json pins it).
# Prints "ok - ..." / "not ok - ..." lines for scripts/run-suite.
set -u
# New organisations, vendors and services are announced with a NOTICE; these
# checks read psql's and kansa-import's output, so notices stay out of it.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
cd "$(dirname "$0")/../.."
db=kansa_bi_test
user=kansa_bi_reader
pass="bi-$$-$RANDOM"
trap 'dropdb --if-exists $db > /dev/null 2>&1; psql -X -q -d postgres -c "DROP ROLE IF EXISTS $user" -c "DROP ROLE IF EXISTS bi_example_bank" > /dev/null 2>&1' EXIT

if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
	echo "not ok - bi: node and npm are installed (scripts/bootstrap installs them)"
	exit 0
fi
if ! (cd test/bi && npm ci --no-audit --no-fund --loglevel=error > npm.log 2>&1); then
	echo "not ok - bi: npm ci installs pg from the registry (see test/bi/npm.log)"
	exit 0
fi
echo "ok - bi: npm ci installs the pg client"

dropdb --if-exists $db > /dev/null 2>&1
createdb -E UTF8 -T template0 $db
psql -X -q -v ON_ERROR_STOP=1 -d $db <<SQL > /dev/null
SET client_min_messages = warning;
CREATE EXTENSION kansa;
DROP ROLE IF EXISTS $user;
DROP ROLE IF EXISTS bi_example_bank;
CREATE ROLE bi_example_bank NOLOGIN;
CREATE ROLE $user LOGIN PASSWORD '$pass' IN ROLE kansa_bi, bi_example_bank;
SQL
"$(pg_config --bindir)/kansa-import" -d $db --no-progress -q \
	--manifest test/fixtures/sheets/manifest.tsv > /dev/null
# a sheet and its next year's version, so that assessment_change has rows
for f in asp_saas_example.csv asp_saas_example_2026.csv; do
	"$(pg_config --bindir)/kansa-import" -d $db --no-progress -q --org 'Example Bank' \
		--vendor 'Example Cloud' --service 'Example SaaS' --framework asp_saas \
		test/fixtures/sheets/$f > /dev/null
done
# the METI sheet's vendor answers an ASP・SaaS sheet for another service, so
# that crosswalk_reuse shows the METI answers beside what it leaves open
"$(pg_config --bindir)/kansa-import" -d $db --no-progress -q --org 'Example Bank' \
	--vendor '株式会社LIGHT2' --service 'LIGHT2 ポータル' --framework asp_saas \
	test/fixtures/sheets/asp_saas_example.csv > /dev/null
# findings on every assessment, so that kansa.findings has rows
psql -X -q -d $db -c "SELECT kansa.raise_findings(assessment_id) FROM kansa.assessment_summary" > /dev/null
psql -X -q -d $db -c "UPDATE kansa.organization SET tenant_role = 'bi_example_bank' WHERE name = 'Example Bank'"
psql -X -q -d $db -c "UPDATE kansa.service SET service_type = '文書管理', confidentiality = '高', availability = '高' WHERE name = 'ものづくりコネクテッドクラウドサービス'"

# over TCP, as a dashboard connects
PGHOST="${PGHOST:-localhost}" node test/bi/bi-test.js $db $user "$pass"
