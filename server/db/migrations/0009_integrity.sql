CREATE TABLE `integrity_holds` (
	`event_id` text PRIMARY KEY NOT NULL,
	`learner_id` text NOT NULL,
	`rules` text NOT NULL,
	`held_at` integer NOT NULL,
	`status` text NOT NULL,
	`decided_by` text,
	`decided_at` integer
);
--> statement-breakpoint
CREATE INDEX `integrity_holds_learner_idx` ON `integrity_holds` (`learner_id`,`status`);--> statement-breakpoint
CREATE INDEX `integrity_holds_status_idx` ON `integrity_holds` (`status`);--> statement-breakpoint
CREATE TABLE `integrity_learners` (
	`learner_id` text PRIMARY KEY NOT NULL,
	`rules` text NOT NULL,
	`flagged_at` integer NOT NULL,
	`decision` text,
	`decided_by` text,
	`decided_at` integer
);
