-- Search totals are cached per project in each replica (SearchTotals). Any committed change to a
-- project's cases or suites (suites matter: a suite filter takes the suite's descendants) tells
-- every replica to drop that project's totals. NOTIFY is delivered on commit only, once per
-- distinct project within a transaction.
CREATE FUNCTION search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('testcase_search_changed', (CASE WHEN TG_OP = 'DELETE' THEN OLD.project_id ELSE NEW.project_id END)::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER test_cases_search_changed AFTER INSERT OR UPDATE OR DELETE ON test_cases
    FOR EACH ROW EXECUTE FUNCTION search_changed();
CREATE TRIGGER suites_search_changed AFTER INSERT OR UPDATE OR DELETE ON suites
    FOR EACH ROW EXECUTE FUNCTION search_changed();
