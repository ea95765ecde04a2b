-- The counter triggers of the SQLite migration 0005_stats_counters, in
-- PL/pgSQL, with the same names and the same meaning: every insert, update and
-- delete of stats_learners, stats_learner_courses, stats_learner_days and
-- devices moves one unit from the old bucket to the new one in the same
-- transaction (see server/db/schema/stats-counters.ts). SQLite's
-- "ON CONFLICT DO UPDATE" needs its conflict target spelled here, and
-- "IS NOT" is "IS DISTINCT FROM". The SQLite migration's back-fill is left
-- out: these tables are created empty just before, in 0000_baseline.

CREATE FUNCTION stats_learner_counts_move(r stats_learners, delta bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF r.first_day IS NOT NULL THEN
    INSERT INTO stats_first_days AS c (group_key, is_assisted, day, learners)
      VALUES (coalesce(r.group_id, ''), r.is_assisted, r.first_day, delta)
      ON CONFLICT (group_key, is_assisted, day) DO UPDATE SET learners = c.learners + excluded.learners;
  END IF;
  IF r.first_course_day IS NOT NULL THEN
    INSERT INTO stats_first_course_days AS c (group_key, day, learners)
      VALUES (coalesce(r.group_id, ''), r.first_course_day, delta)
      ON CONFLICT (group_key, day) DO UPDATE SET learners = c.learners + excluded.learners;
  END IF;
  INSERT INTO stats_people AS c (group_key, birth_year, gender, reached, completed)
    VALUES (coalesce(r.group_id, ''), coalesce(r.birth_year, 0), coalesce(r.gender, ''),
            CASE WHEN r.first_day IS NOT NULL THEN delta ELSE 0 END,
            CASE WHEN r.first_course_day IS NOT NULL THEN delta ELSE 0 END)
    ON CONFLICT (group_key, birth_year, gender) DO UPDATE
      SET reached = c.reached + excluded.reached, completed = c.completed + excluded.completed;
END $$;
--> statement-breakpoint
CREATE FUNCTION stats_learners_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_learner_counts_move(NEW, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stats_learners_count_insert AFTER INSERT ON stats_learners
  FOR EACH ROW EXECUTE FUNCTION stats_learners_count_insert();
--> statement-breakpoint
CREATE FUNCTION stats_learners_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_learner_counts_move(OLD, -1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stats_learners_count_delete AFTER DELETE ON stats_learners
  FOR EACH ROW EXECUTE FUNCTION stats_learners_count_delete();
--> statement-breakpoint
CREATE FUNCTION stats_learners_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_learner_counts_move(OLD, -1);
  PERFORM stats_learner_counts_move(NEW, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stats_learners_count_update
  AFTER UPDATE OF first_day, first_course_day, group_id, birth_year, gender, is_assisted ON stats_learners
  FOR EACH ROW
  WHEN (OLD.first_day IS DISTINCT FROM NEW.first_day OR OLD.first_course_day IS DISTINCT FROM NEW.first_course_day
    OR OLD.group_id IS DISTINCT FROM NEW.group_id OR OLD.birth_year IS DISTINCT FROM NEW.birth_year
    OR OLD.gender IS DISTINCT FROM NEW.gender OR OLD.is_assisted IS DISTINCT FROM NEW.is_assisted)
  EXECUTE FUNCTION stats_learners_count_update();
--> statement-breakpoint
CREATE FUNCTION stats_learner_course_counts_move(r stats_learner_courses, delta bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_course_days AS c (course_id, day, started, completed)
    VALUES (r.course_id, r.started_day, delta, 0)
    ON CONFLICT (course_id, day) DO UPDATE SET started = c.started + excluded.started;
  IF r.completed_day IS NOT NULL THEN
    INSERT INTO stats_course_days AS c (course_id, day, started, completed)
      VALUES (r.course_id, r.completed_day, 0, delta)
      ON CONFLICT (course_id, day) DO UPDATE SET completed = c.completed + excluded.completed;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION stats_learner_courses_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_learner_course_counts_move(NEW, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stats_learner_courses_count_insert AFTER INSERT ON stats_learner_courses
  FOR EACH ROW EXECUTE FUNCTION stats_learner_courses_count_insert();
--> statement-breakpoint
CREATE FUNCTION stats_learner_courses_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_learner_course_counts_move(OLD, -1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stats_learner_courses_count_delete AFTER DELETE ON stats_learner_courses
  FOR EACH ROW EXECUTE FUNCTION stats_learner_courses_count_delete();
--> statement-breakpoint
CREATE FUNCTION stats_learner_courses_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_learner_course_counts_move(OLD, -1);
  PERFORM stats_learner_course_counts_move(NEW, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stats_learner_courses_count_update AFTER UPDATE OF started_day, completed_day ON stats_learner_courses
  FOR EACH ROW
  WHEN (OLD.started_day IS DISTINCT FROM NEW.started_day OR OLD.completed_day IS DISTINCT FROM NEW.completed_day)
  EXECUTE FUNCTION stats_learner_courses_count_update();
--> statement-breakpoint
-- Active spans depend on a learner's other days, so a row trigger cannot be
-- copied as is: SQLite runs it after each row, PostgreSQL runs AFTER row
-- triggers once the whole statement is done, when every row of a multi-row
-- delete (erasing a learner, a rebuild) is already gone. These are statement
-- triggers instead: for the learners a statement touched, add the spans of
-- their days now and take away those of their days before. The result equals
-- SQLite's row-by-row one for any statement (a span whose units cancel out
-- within one statement is not written as a zero row). The advisory lock per
-- learner makes two transactions adding days of one learner take turns, as
-- SQLite's single writer does; each then reads the other's committed days.
-- (1936024948 only keeps these locks apart from other advisory locks.)
CREATE FUNCTION stats_learner_days_span_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1936024948, k) FROM (SELECT DISTINCT hashtext(learner_id) AS k FROM inserted ORDER BY 1) l;
  WITH touched AS (SELECT DISTINCT learner_id FROM inserted),
  now_days AS (SELECT d.learner_id, d.day FROM stats_learner_days d JOIN touched USING (learner_id)),
  then_days AS (SELECT learner_id, day FROM now_days EXCEPT SELECT learner_id, day FROM inserted),
  moves AS (
    SELECT day, coalesce(lead(day) OVER (PARTITION BY learner_id ORDER BY day), 2147483647) AS next_day, 1 AS n FROM now_days
    UNION ALL
    SELECT day, coalesce(lead(day) OVER (PARTITION BY learner_id ORDER BY day), 2147483647), -1 FROM then_days
  )
  INSERT INTO stats_active_spans AS c (day, next_day, learners)
    SELECT day, next_day, sum(n) FROM moves GROUP BY day, next_day HAVING sum(n) <> 0 ORDER BY day, next_day
    ON CONFLICT (day, next_day) DO UPDATE SET learners = c.learners + excluded.learners;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stats_learner_days_span_insert AFTER INSERT ON stats_learner_days
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION stats_learner_days_span_insert();
--> statement-breakpoint
CREATE FUNCTION stats_learner_days_span_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1936024948, k) FROM (SELECT DISTINCT hashtext(learner_id) AS k FROM deleted ORDER BY 1) l;
  WITH touched AS (SELECT DISTINCT learner_id FROM deleted),
  now_days AS (SELECT d.learner_id, d.day FROM stats_learner_days d JOIN touched USING (learner_id)),
  then_days AS (SELECT learner_id, day FROM now_days UNION SELECT learner_id, day FROM deleted),
  moves AS (
    SELECT day, coalesce(lead(day) OVER (PARTITION BY learner_id ORDER BY day), 2147483647) AS next_day, 1 AS n FROM now_days
    UNION ALL
    SELECT day, coalesce(lead(day) OVER (PARTITION BY learner_id ORDER BY day), 2147483647), -1 FROM then_days
  )
  INSERT INTO stats_active_spans AS c (day, next_day, learners)
    SELECT day, next_day, sum(n) FROM moves GROUP BY day, next_day HAVING sum(n) <> 0 ORDER BY day, next_day
    ON CONFLICT (day, next_day) DO UPDATE SET learners = c.learners + excluded.learners;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stats_learner_days_span_delete AFTER DELETE ON stats_learner_days
  REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION stats_learner_days_span_delete();
--> statement-breakpoint
CREATE FUNCTION stats_device_hours_move(synced_at bigint, delta bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_device_hours AS c (hour, devices) VALUES (synced_at / 3600000, delta)
    ON CONFLICT (hour) DO UPDATE SET devices = c.devices + excluded.devices;
END $$;
--> statement-breakpoint
CREATE FUNCTION devices_hour_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_device_hours_move(NEW.last_sync_at, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER devices_hour_insert AFTER INSERT ON devices FOR EACH ROW EXECUTE FUNCTION devices_hour_insert();
--> statement-breakpoint
CREATE FUNCTION devices_hour_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_device_hours_move(OLD.last_sync_at, -1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER devices_hour_delete AFTER DELETE ON devices FOR EACH ROW EXECUTE FUNCTION devices_hour_delete();
--> statement-breakpoint
CREATE FUNCTION devices_hour_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_device_hours_move(OLD.last_sync_at, -1);
  PERFORM stats_device_hours_move(NEW.last_sync_at, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER devices_hour_update AFTER UPDATE OF last_sync_at ON devices
  FOR EACH ROW WHEN (OLD.last_sync_at IS DISTINCT FROM NEW.last_sync_at) EXECUTE FUNCTION devices_hour_update();
