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
--> statement-breakpoint
CREATE TABLE `spot_check_items` (
	`check_id` integer NOT NULL,
	`item_no` integer NOT NULL,
	`event_id` text NOT NULL,
	`learner_id` text NOT NULL,
	`result` text,
	`recorded_by` text,
	`recorded_at` integer,
	PRIMARY KEY(`check_id`, `item_no`),
	FOREIGN KEY (`check_id`) REFERENCES `spot_checks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `spot_check_items_learner_idx` ON `spot_check_items` (`learner_id`);--> statement-breakpoint
CREATE TABLE `spot_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`seed` integer NOT NULL,
	`population` integer NOT NULL,
	`drawn_by` text NOT NULL,
	`drawn_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ward_figure_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`official_kinds` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
