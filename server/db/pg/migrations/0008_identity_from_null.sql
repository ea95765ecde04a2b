-- The server writes its queries in SQLite's dialect (server/db/engine), and
-- SQLite's insert names every column, giving NULL to a key it should number
-- itself ("values (null, …)"). PostgreSQL numbers an identity column only
-- when the column is left out or given DEFAULT, so here a NULL key takes the
-- next number of the column's own sequence before NOT NULL is checked.
-- Every table with a numbered key named id gets the trigger (the engine test
-- fails for a new one without it). current_schema(): a locality's schema
-- migrates with itself as search_path (db/pg/locality-schema.ts).
CREATE FUNCTION identity_from_null() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    NEW.id := nextval(pg_get_serial_sequence(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, 'id'));
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT table_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION identity_from_null()', t.table_name || '_identity_from_null', t.table_name);
  END LOOP;
END $$;
