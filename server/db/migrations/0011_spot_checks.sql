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
