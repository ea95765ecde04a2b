CREATE TABLE `display_screens` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`slides` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	`last_seen_at` integer
);
