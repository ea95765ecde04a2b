CREATE TABLE `assisted_learners` (
	`id` text PRIMARY KEY NOT NULL,
	`guide_id` text NOT NULL,
	`group_id` text NOT NULL,
	`name` text NOT NULL,
	`birth_year` integer NOT NULL,
	`gender` text NOT NULL,
	`consent_at` integer NOT NULL,
	`session_id` text,
	`registered_at` integer NOT NULL,
	FOREIGN KEY (`guide_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assisted_learners_group_id_idx` ON `assisted_learners` (`group_id`);--> statement-breakpoint
CREATE INDEX `assisted_learners_session_id_idx` ON `assisted_learners` (`session_id`);--> statement-breakpoint
CREATE TABLE `guide_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`recorded_by` text NOT NULL,
	`device_id` text NOT NULL,
	`learner_id` text,
	`session_id` text,
	`course_id` text,
	`lesson_id` text,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`effective_at` integer NOT NULL,
	`payload` text NOT NULL,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guide_events_type_effective_at_idx` ON `guide_events` (`type`,`effective_at`);--> statement-breakpoint
CREATE INDEX `guide_events_recorded_by_idx` ON `guide_events` (`recorded_by`,`type`);--> statement-breakpoint
CREATE INDEX `guide_events_learner_id_idx` ON `guide_events` (`learner_id`,`type`);--> statement-breakpoint
CREATE INDEX `guide_events_session_id_idx` ON `guide_events` (`session_id`);--> statement-breakpoint
CREATE TABLE `guide_groups` (
	`user_id` text NOT NULL,
	`group_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `group_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `residential_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guide_groups_group_id_idx` ON `guide_groups` (`group_id`);--> statement-breakpoint
CREATE TABLE `guide_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`guide_id` text NOT NULL,
	`group_id` text NOT NULL,
	`title` text NOT NULL,
	`place` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`courses` text NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`guide_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guide_sessions_code_unique` ON `guide_sessions` (`code`);--> statement-breakpoint
CREATE INDEX `guide_sessions_guide_id_idx` ON `guide_sessions` (`guide_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `guide_sessions_starts_at_idx` ON `guide_sessions` (`starts_at`);--> statement-breakpoint
CREATE TABLE `household_members` (
	`learner_id` text PRIMARY KEY NOT NULL,
	`household_id` text NOT NULL,
	`linked_by` text,
	`linked_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `households` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`label` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `households_group_id_idx` ON `households` (`group_id`);--> statement-breakpoint
CREATE TABLE `session_checkins` (
	`code` text NOT NULL,
	`learner_id` text NOT NULL,
	`event_id` text NOT NULL,
	`joined_at` integer NOT NULL,
	PRIMARY KEY(`code`, `learner_id`)
);
--> statement-breakpoint
CREATE INDEX `session_checkins_learner_id_idx` ON `session_checkins` (`learner_id`);