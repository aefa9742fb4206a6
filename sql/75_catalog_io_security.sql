-- sql/75_catalog_io_security.sql: privileges of the catalog import
-- (36_catalog_io.sql) and of the OSCAL export (69_oscal.sql), after the
-- roles of 70_security.sql exist.  import_catalog() runs with the rights
-- of its caller, who needs INSERT on kansa.framework and kansa.control:
-- kansa_admin, as for every other change to the catalogs.  The catalog
-- export reads only catalogs, which everyone may read; the results export
-- reads an organisation's rows under row-level security, as its caller.

REVOKE EXECUTE ON FUNCTION kansa.import_catalog(text, bytea, text, jsonb),
	kansa.catalog_store(text, kansa.catalog_entry[], jsonb),
	kansa.oscal_catalog_entries(bytea), kansa.caiq_catalog_entries(bytea, jsonb),
	kansa.csv_catalog_entries(bytea, jsonb), kansa.catalog_cells(bytea, jsonb),
	kansa.oscal_walk(jsonb, text, text, integer[], integer, jsonb, boolean),
	kansa.oscal_assessment_results(bigint)
	FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kansa.import_catalog(text, bytea, text, jsonb),
	kansa.catalog_store(text, kansa.catalog_entry[], jsonb),
	kansa.oscal_catalog_entries(bytea), kansa.caiq_catalog_entries(bytea, jsonb),
	kansa.csv_catalog_entries(bytea, jsonb), kansa.catalog_cells(bytea, jsonb),
	kansa.oscal_walk(jsonb, text, text, integer[], integer, jsonb, boolean)
	TO kansa_admin;
-- the CAIQ and CSV readers read the file with read_sheet()
GRANT EXECUTE ON FUNCTION kansa.read_sheet(bytea, jsonb) TO kansa_admin;
GRANT EXECUTE ON FUNCTION kansa.oscal_assessment_results(bigint) TO kansa_analyst, kansa_importer;
