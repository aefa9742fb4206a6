-- Every object of the extension carries a comment: functions, tables and
-- their columns, views, types (and the columns of composite types),
-- operators, operator classes and families, casts.  Sequences that belong
-- to an identity column or index are the column's; they are left out.
BEGIN;
CREATE EXTENSION pgtap;
CREATE EXTENSION kansa;
SELECT plan(1);
SELECT is_empty($$
WITH ext AS (SELECT classid, objid FROM pg_depend WHERE refclassid = 'pg_extension'::regclass
               AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'kansa') AND deptype = 'e')
SELECT pg_describe_object(e.classid, e.objid, 0) AS object
  FROM ext e
 WHERE e.classid IN ('pg_proc'::regclass, 'pg_class'::regclass, 'pg_type'::regclass,
                     'pg_operator'::regclass, 'pg_opclass'::regclass, 'pg_cast'::regclass,
                     'pg_opfamily'::regclass)
   AND obj_description(e.objid, (SELECT relname FROM pg_class WHERE oid = e.classid)) IS NULL
   AND NOT (e.classid = 'pg_class'::regclass
            AND EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                          AND d.objid = e.objid AND d.deptype IN ('a', 'i')))
UNION ALL
SELECT format('column %s.%s', c.oid::regclass, a.attname)
  FROM ext e JOIN pg_class c ON e.classid = 'pg_class'::regclass AND c.oid = e.objid
                            AND c.relkind IN ('r', 'v', 'm')
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE col_description(c.oid, a.attnum) IS NULL
UNION ALL
SELECT format('column %s.%s', t.oid::regtype, a.attname)
  FROM ext e JOIN pg_type t ON e.classid = 'pg_type'::regclass AND t.oid = e.objid AND t.typtype = 'c'
  JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0
 WHERE col_description(t.typrelid, a.attnum) IS NULL
$$, 'every object and column of the extension has a comment');
SELECT * FROM finish();
ROLLBACK;
