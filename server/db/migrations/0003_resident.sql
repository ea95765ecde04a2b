CREATE TABLE `certificates` (
	`code` text PRIMARY KEY NOT NULL,
	`learner_id` text NOT NULL,
	`course_id` text NOT NULL,
	`issued_at` integer NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_learner_course_idx` ON `certificates` (`learner_id`,`course_id`);--> statement-breakpoint
CREATE TABLE `erasure_tally` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` text NOT NULL,
	`completions` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `learner_keys` (
	`secret_hash` text PRIMARY KEY NOT NULL,
	`learner_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `learner_keys_learner_idx` ON `learner_keys` (`learner_id`);--> statement-breakpoint
CREATE TABLE `learner_profiles` (
	`learner_id` text PRIMARY KEY NOT NULL,
	`consent_version` integer,
	`consent_at` integer,
	`display_name` text,
	`birth_year` integer,
	`gender` text,
	`residential_group_id` text,
	`unit` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `recovery_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`learner_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recovery_codes_learner_idx` ON `recovery_codes` (`learner_id`);