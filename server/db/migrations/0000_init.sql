CREATE TABLE `auth_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `auth_sessions_user_id_idx` ON `auth_sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `auth_sessions_expires_at_idx` ON `auth_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `devices` (
	`id` text NOT NULL,
	`learner_id` text NOT NULL,
	`last_sync_at` integer NOT NULL,
	PRIMARY KEY(`id`, `learner_id`),
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `devices_last_sync_at_idx` ON `devices` (`last_sync_at`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`learner_id` text NOT NULL,
	`device_id` text NOT NULL,
	`course_id` text,
	`lesson_id` text,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`effective_at` integer NOT NULL,
	`payload` text NOT NULL,
	`score` integer,
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_type_effective_at_idx` ON `events` (`type`,`effective_at`);--> statement-breakpoint
CREATE INDEX `events_learner_id_idx` ON `events` (`learner_id`,`type`);--> statement-breakpoint
CREATE INDEX `events_effective_at_idx` ON `events` (`effective_at`);--> statement-breakpoint
CREATE TABLE `learners` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`team` text,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`disabled` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);