CREATE TABLE `demo_marker` (
	`id` integer PRIMARY KEY NOT NULL,
	`learners` integer NOT NULL,
	`seeded_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stats_daily` (
	`day` integer NOT NULL,
	`course_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`starts` integer DEFAULT 0 NOT NULL,
	`completions` integer DEFAULT 0 NOT NULL,
	`assisted_completions` integer DEFAULT 0 NOT NULL,
	`score_sum` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `course_id`, `lesson_id`)
);
--> statement-breakpoint
CREATE TABLE `stats_learner_courses` (
	`learner_id` text NOT NULL,
	`course_id` text NOT NULL,
	`started_day` integer NOT NULL,
	`completed_day` integer,
	PRIMARY KEY(`learner_id`, `course_id`)
);
--> statement-breakpoint
CREATE INDEX `stats_learner_courses_started_idx` ON `stats_learner_courses` (`course_id`,`started_day`);--> statement-breakpoint
CREATE INDEX `stats_learner_courses_completed_idx` ON `stats_learner_courses` (`course_id`,`completed_day`);--> statement-breakpoint
CREATE TABLE `stats_learner_days` (
	`learner_id` text NOT NULL,
	`day` integer NOT NULL,
	PRIMARY KEY(`learner_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `stats_learner_days_day_idx` ON `stats_learner_days` (`day`,`learner_id`);--> statement-breakpoint
CREATE TABLE `stats_learner_lessons` (
	`learner_id` text NOT NULL,
	`course_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`first_day` integer NOT NULL,
	PRIMARY KEY(`learner_id`, `course_id`, `lesson_id`)
);
--> statement-breakpoint
CREATE TABLE `stats_learners` (
	`learner_id` text PRIMARY KEY NOT NULL,
	`is_assisted` integer NOT NULL,
	`first_day` integer,
	`last_day` integer,
	`first_course_day` integer,
	`five_skills_day` integer,
	`group_id` text,
	`birth_year` integer,
	`gender` text
);
--> statement-breakpoint
CREATE INDEX `stats_learners_first_day_idx` ON `stats_learners` (`first_day`);--> statement-breakpoint
CREATE INDEX `stats_learners_group_idx` ON `stats_learners` (`group_id`,`first_day`);--> statement-breakpoint
CREATE TABLE `stats_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`catalog_hash` text NOT NULL,
	`built_at` integer NOT NULL
);
