-- An update that changes nothing but updated_at (a recomputation writing the same values, e.g. rolling stats)
-- keeps the row as it was, updated_at included: it takes no version, so a device holding the record must
-- still hold exactly the server's copy. Otherwise as in 0009.
CREATE OR REPLACE FUNCTION rc_sync_stamp() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.sync_version IS DISTINCT FROM -1
     AND (to_jsonb(NEW) - 'updated_at' - 'sync_version') = (to_jsonb(OLD) - 'updated_at' - 'sync_version') THEN
    RETURN OLD;
  END IF;
  NEW.sync_version := rc_sync_next_version(NEW.user_id);
  IF TG_OP = 'INSERT' THEN
    DELETE FROM public.sync_tombstones
      WHERE user_id = NEW.user_id AND table_name = TG_TABLE_NAME AND record_id = NEW.id::text;
  END IF;
  RETURN NEW;
END $$;
