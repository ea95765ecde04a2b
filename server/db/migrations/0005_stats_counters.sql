CREATE TABLE `stats_active_spans` (
	`day` integer NOT NULL,
	`next_day` integer NOT NULL,
	`learners` integer NOT NULL,
	PRIMARY KEY(`day`, `next_day`)
);
--> statement-breakpoint
CREATE TABLE `stats_course_days` (
	`course_id` text NOT NULL,
	`day` integer NOT NULL,
	`started` integer NOT NULL,
	`completed` integer NOT NULL,
	PRIMARY KEY(`course_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `stats_device_hours` (
	`hour` integer PRIMARY KEY NOT NULL,
	`devices` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stats_first_course_days` (
	`group_key` text NOT NULL,
	`day` integer NOT NULL,
	`learners` integer NOT NULL,
	PRIMARY KEY(`group_key`, `day`)
);
--> statement-breakpoint
CREATE TABLE `stats_first_days` (
	`group_key` text NOT NULL,
	`is_assisted` integer NOT NULL,
	`day` integer NOT NULL,
	`learners` integer NOT NULL,
	PRIMARY KEY(`group_key`, `is_assisted`, `day`)
);
--> statement-breakpoint
CREATE TABLE `stats_people` (
	`group_key` text NOT NULL,
	`birth_year` integer NOT NULL,
	`gender` text NOT NULL,
	`reached` integer NOT NULL,
	`completed` integer NOT NULL,
	PRIMARY KEY(`group_key`, `birth_year`, `gender`)
);
--> statement-breakpoint
DROP INDEX `stats_learners_first_day_idx`;--> statement-breakpoint
DROP INDEX `stats_learners_group_idx`;--> statement-breakpoint
CREATE INDEX `stats_learners_first_course_idx` ON `stats_learners` (`first_course_day`,`birth_year`,`gender`);--> statement-breakpoint
CREATE INDEX `stats_learners_group_course_idx` ON `stats_learners` (`group_id`,`first_course_day`,`birth_year`,`gender`);--> statement-breakpoint
CREATE INDEX `stats_learners_first_day_idx` ON `stats_learners` (`first_day`,`birth_year`,`gender`);--> statement-breakpoint
CREATE INDEX `stats_learners_group_idx` ON `stats_learners` (`group_id`,`first_day`,`birth_year`,`gender`);
--> statement-breakpoint
-- Counters kept by triggers (see server/db/schema/stats-counters.ts), then
-- filled from the rollups already there.
CREATE TRIGGER stats_learners_count_insert AFTER INSERT ON stats_learners BEGIN
  INSERT INTO stats_first_days (group_key, is_assisted, day, learners)
    SELECT coalesce(NEW.group_id, ''), NEW.is_assisted, NEW.first_day, 1 WHERE NEW.first_day IS NOT NULL
    ON CONFLICT DO UPDATE SET learners = learners + excluded.learners;
  INSERT INTO stats_first_course_days (group_key, day, learners)
    SELECT coalesce(NEW.group_id, ''), NEW.first_course_day, 1 WHERE NEW.first_course_day IS NOT NULL
    ON CONFLICT DO UPDATE SET learners = learners + excluded.learners;
  INSERT INTO stats_people (group_key, birth_year, gender, reached, completed)
    SELECT coalesce(NEW.group_id, ''), coalesce(NEW.birth_year, 0), coalesce(NEW.gender, ''),
           1 * (NEW.first_day IS NOT NULL), 1 * (NEW.first_course_day IS NOT NULL) WHERE true
    ON CONFLICT DO UPDATE SET reached = reached + excluded.reached, completed = completed + excluded.completed;
END;
--> statement-breakpoint
CREATE TRIGGER stats_learners_count_delete AFTER DELETE ON stats_learners BEGIN
  INSERT INTO stats_first_days (group_key, is_assisted, day, learners)
    SELECT coalesce(OLD.group_id, ''), OLD.is_assisted, OLD.first_day, -1 WHERE OLD.first_day IS NOT NULL
    ON CONFLICT DO UPDATE SET learners = learners + excluded.learners;
  INSERT INTO stats_first_course_days (group_key, day, learners)
    SELECT coalesce(OLD.group_id, ''), OLD.first_course_day, -1 WHERE OLD.first_course_day IS NOT NULL
    ON CONFLICT DO UPDATE SET learners = learners + excluded.learners;
  INSERT INTO stats_people (group_key, birth_year, gender, reached, completed)
    SELECT coalesce(OLD.group_id, ''), coalesce(OLD.birth_year, 0), coalesce(OLD.gender, ''),
           -1 * (OLD.first_day IS NOT NULL), -1 * (OLD.first_course_day IS NOT NULL) WHERE true
    ON CONFLICT DO UPDATE SET reached = reached + excluded.reached, completed = completed + excluded.completed;
END;
--> statement-breakpoint
CREATE TRIGGER stats_learners_count_update AFTER UPDATE OF first_day, first_course_day, group_id, birth_year, gender, is_assisted ON stats_learners
  WHEN OLD.first_day IS NOT NEW.first_day OR OLD.first_course_day IS NOT NEW.first_course_day OR OLD.group_id IS NOT NEW.group_id OR OLD.birth_year IS NOT NEW.birth_year OR OLD.gender IS NOT NEW.gender OR OLD.is_assisted IS NOT NEW.is_assisted BEGIN
  INSERT INTO stats_first_days (group_key, is_assisted, day, learners)
    SELECT coalesce(OLD.group_id, ''), OLD.is_assisted, OLD.first_day, -1 WHERE OLD.first_day IS NOT NULL
    ON CONFLICT DO UPDATE SET learners = learners + excluded.learners;
  INSERT INTO stats_first_course_days (group_key, day, learners)
    SELECT coalesce(OLD.group_id, ''), OLD.first_course_day, -1 WHERE OLD.first_course_day IS NOT NULL
    ON CONFLICT DO UPDATE SET learners = learners + excluded.learners;
  INSERT INTO stats_people (group_key, birth_year, gender, reached, completed)
    SELECT coalesce(OLD.group_id, ''), coalesce(OLD.birth_year, 0), coalesce(OLD.gender, ''),
           -1 * (OLD.first_day IS NOT NULL), -1 * (OLD.first_course_day IS NOT NULL) WHERE true
    ON CONFLICT DO UPDATE SET reached = reached + excluded.reached, completed = completed + excluded.completed;
  INSERT INTO stats_first_days (group_key, is_assisted, day, learners)
    SELECT coalesce(NEW.group_id, ''), NEW.is_assisted, NEW.first_day, 1 WHERE NEW.first_day IS NOT NULL
    ON CONFLICT DO UPDATE SET learners = learners + excluded.learners;
  INSERT INTO stats_first_course_days (group_key, day, learners)
    SELECT coalesce(NEW.group_id, ''), NEW.first_course_day, 1 WHERE NEW.first_course_day IS NOT NULL
    ON CONFLICT DO UPDATE SET learners = learners + excluded.learners;
  INSERT INTO stats_people (group_key, birth_year, gender, reached, completed)
    SELECT coalesce(NEW.group_id, ''), coalesce(NEW.birth_year, 0), coalesce(NEW.gender, ''),
           1 * (NEW.first_day IS NOT NULL), 1 * (NEW.first_course_day IS NOT NULL) WHERE true
    ON CONFLICT DO UPDATE SET reached = reached + excluded.reached, completed = completed + excluded.completed;
END;
--> statement-breakpoint
CREATE TRIGGER stats_learner_courses_count_insert AFTER INSERT ON stats_learner_courses BEGIN
  INSERT INTO stats_course_days (course_id, day, started, completed)
    SELECT NEW.course_id, NEW.started_day, 1, 0 WHERE true
    ON CONFLICT DO UPDATE SET started = started + excluded.started;
  INSERT INTO stats_course_days (course_id, day, started, completed)
    SELECT NEW.course_id, NEW.completed_day, 0, 1 WHERE NEW.completed_day IS NOT NULL
    ON CONFLICT DO UPDATE SET completed = completed + excluded.completed;
END;
--> statement-breakpoint
CREATE TRIGGER stats_learner_courses_count_delete AFTER DELETE ON stats_learner_courses BEGIN
  INSERT INTO stats_course_days (course_id, day, started, completed)
    SELECT OLD.course_id, OLD.started_day, -1, 0 WHERE true
    ON CONFLICT DO UPDATE SET started = started + excluded.started;
  INSERT INTO stats_course_days (course_id, day, started, completed)
    SELECT OLD.course_id, OLD.completed_day, 0, -1 WHERE OLD.completed_day IS NOT NULL
    ON CONFLICT DO UPDATE SET completed = completed + excluded.completed;
END;
--> statement-breakpoint
CREATE TRIGGER stats_learner_courses_count_update AFTER UPDATE OF started_day, completed_day ON stats_learner_courses
  WHEN OLD.started_day IS NOT NEW.started_day OR OLD.completed_day IS NOT NEW.completed_day BEGIN
  INSERT INTO stats_course_days (course_id, day, started, completed)
    SELECT OLD.course_id, OLD.started_day, -1, 0 WHERE true
    ON CONFLICT DO UPDATE SET started = started + excluded.started;
  INSERT INTO stats_course_days (course_id, day, started, completed)
    SELECT OLD.course_id, OLD.completed_day, 0, -1 WHERE OLD.completed_day IS NOT NULL
    ON CONFLICT DO UPDATE SET completed = completed + excluded.completed;
  INSERT INTO stats_course_days (course_id, day, started, completed)
    SELECT NEW.course_id, NEW.started_day, 1, 0 WHERE true
    ON CONFLICT DO UPDATE SET started = started + excluded.started;
  INSERT INTO stats_course_days (course_id, day, started, completed)
    SELECT NEW.course_id, NEW.completed_day, 0, 1 WHERE NEW.completed_day IS NOT NULL
    ON CONFLICT DO UPDATE SET completed = completed + excluded.completed;
END;
--> statement-breakpoint
INSERT INTO stats_first_days (group_key, is_assisted, day, learners)
  SELECT coalesce(group_id, ''), is_assisted, first_day, COUNT(*) FROM stats_learners WHERE first_day IS NOT NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO stats_first_course_days (group_key, day, learners)
  SELECT coalesce(group_id, ''), first_course_day, COUNT(*) FROM stats_learners WHERE first_course_day IS NOT NULL GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO stats_people (group_key, birth_year, gender, reached, completed)
  SELECT coalesce(group_id, ''), coalesce(birth_year, 0), coalesce(gender, ''), SUM(first_day IS NOT NULL), SUM(first_course_day IS NOT NULL) FROM stats_learners GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO stats_course_days (course_id, day, started, completed)
  SELECT course_id, day, SUM(started), SUM(completed) FROM (
    SELECT course_id, started_day AS day, 1 AS started, 0 AS completed FROM stats_learner_courses
    UNION ALL SELECT course_id, completed_day, 0, 1 FROM stats_learner_courses WHERE completed_day IS NOT NULL
  ) GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER stats_learner_days_span_insert AFTER INSERT ON stats_learner_days BEGIN
  INSERT INTO stats_active_spans (day, next_day, learners) SELECT (SELECT MAX(day) FROM stats_learner_days WHERE learner_id = NEW.learner_id AND day < NEW.day), coalesce((SELECT MIN(day) FROM stats_learner_days WHERE learner_id = NEW.learner_id AND day > NEW.day), 2147483647), -1 WHERE (SELECT MAX(day) FROM stats_learner_days WHERE learner_id = NEW.learner_id AND day < NEW.day) IS NOT NULL
    ON CONFLICT DO UPDATE SET learners = learners + excluded.learners;
  INSERT INTO stats_active_spans (day, next_day, learners) SELECT (SELECT MAX(day) FROM stats_learner_days WHERE learner_id = NEW.learner_id AND day < NEW.day), NEW.day, 1 WHERE (SELECT MAX(day) FROM stats_learner_days WHERE learner_id = NEW.learner_id AND day < NEW.day) IS NOT NULL
    ON CONFLICT DO UPDATE SET learners = learners + excluded.learners;
  INSERT INTO stats_active_spans (day, next_day, learners) SELECT NEW.day, coalesce((SELECT MIN(day) FROM stats_learner_days WHERE learner_id = NEW.learner_id AND day > NEW.day), 2147483647), 1 WHERE NEW.day IS NOT NULL
    ON CONFLICT DO UPDATE SET learners = learners + excluded.learners;
END;
--> statement-breakpoint
CREATE TRIGGER stats_learner_days_span_delete AFTER DELETE ON stats_learner_days BEGIN
  INSERT INTO stats_active_spans (day, next_day, learners) SELECT OLD.day, coalesce((SELECT MIN(day) FROM stats_learner_days WHERE learner_id = OLD.learner_id AND day > OLD.day), 2147483647), -1 WHERE OLD.day IS NOT NULL
    ON CONFLICT DO UPDATE SET learners = learners + excluded.learners;
  INSERT INTO stats_active_spans (day, next_day, learners) SELECT (SELECT MAX(day) FROM stats_learner_days WHERE learner_id = OLD.learner_id AND day < OLD.day), OLD.day, -1 WHERE (SELECT MAX(day) FROM stats_learner_days WHERE learner_id = OLD.learner_id AND day < OLD.day) IS NOT NULL
    ON CONFLICT DO UPDATE SET learners = learners + excluded.learners;
  INSERT INTO stats_active_spans (day, next_day, learners) SELECT (SELECT MAX(day) FROM stats_learner_days WHERE learner_id = OLD.learner_id AND day < OLD.day), coalesce((SELECT MIN(day) FROM stats_learner_days WHERE learner_id = OLD.learner_id AND day > OLD.day), 2147483647), 1 WHERE (SELECT MAX(day) FROM stats_learner_days WHERE learner_id = OLD.learner_id AND day < OLD.day) IS NOT NULL
    ON CONFLICT DO UPDATE SET learners = learners + excluded.learners;
END;
--> statement-breakpoint
CREATE TRIGGER devices_hour_insert AFTER INSERT ON devices BEGIN
  INSERT INTO stats_device_hours (hour, devices) VALUES (NEW.last_sync_at / 3600000, 1)
    ON CONFLICT DO UPDATE SET devices = devices + excluded.devices;
END;
--> statement-breakpoint
CREATE TRIGGER devices_hour_delete AFTER DELETE ON devices BEGIN
  INSERT INTO stats_device_hours (hour, devices) VALUES (OLD.last_sync_at / 3600000, -1)
    ON CONFLICT DO UPDATE SET devices = devices + excluded.devices;
END;
--> statement-breakpoint
CREATE TRIGGER devices_hour_update AFTER UPDATE OF last_sync_at ON devices WHEN OLD.last_sync_at IS NOT NEW.last_sync_at BEGIN
  INSERT INTO stats_device_hours (hour, devices) VALUES (OLD.last_sync_at / 3600000, -1)
    ON CONFLICT DO UPDATE SET devices = devices + excluded.devices;
  INSERT INTO stats_device_hours (hour, devices) VALUES (NEW.last_sync_at / 3600000, 1)
    ON CONFLICT DO UPDATE SET devices = devices + excluded.devices;
END;
--> statement-breakpoint
INSERT INTO stats_active_spans (day, next_day, learners)
  SELECT day, coalesce(next_day, 2147483647), COUNT(*) FROM (
    SELECT day, LEAD(day) OVER (PARTITION BY learner_id ORDER BY day) AS next_day FROM stats_learner_days
  ) GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO stats_device_hours (hour, devices) SELECT last_sync_at / 3600000, COUNT(*) FROM devices GROUP BY 1;
