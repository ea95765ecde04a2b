CREATE TABLE `story_files` (
	`sha256` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`unit_id` text,
	`uploaded_at` integer NOT NULL,
	PRIMARY KEY(`sha256`, `uploaded_by`),
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `story_files_unit_idx` ON `story_files` (`unit_id`,`sha256`);--> statement-breakpoint
CREATE TABLE `bulletin_airings` (
	`bulletin_id` text NOT NULL,
	`day` text NOT NULL,
	`minutes` integer NOT NULL,
	`activity_id` text NOT NULL,
	`aired_by` text NOT NULL,
	`aired_at` integer NOT NULL,
	PRIMARY KEY(`bulletin_id`, `day`),
	FOREIGN KEY (`bulletin_id`) REFERENCES `bulletins`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`aired_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `bulletins` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`rate` integer NOT NULL,
	`unit_id` text NOT NULL,
	`schedule` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
