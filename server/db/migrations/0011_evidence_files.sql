CREATE TABLE `unit_activity_files` (
	`activity_id` text NOT NULL,
	`sha256` text NOT NULL,
	`position` integer NOT NULL,
	`name` text,
	PRIMARY KEY(`activity_id`, `sha256`),
	FOREIGN KEY (`activity_id`) REFERENCES `unit_activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `unit_files` (
	`unit_id` text NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`uploaded_at` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `sha256`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_files_file_idx` ON `unit_files` (`sha256`);--> statement-breakpoint
CREATE TABLE `stored_file_uploads` (
	`sent_sha256` text PRIMARY KEY NOT NULL,
	`sha256` text NOT NULL,
	FOREIGN KEY (`sha256`) REFERENCES `stored_files`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stored_file_uploads_file_idx` ON `stored_file_uploads` (`sha256`);--> statement-breakpoint
CREATE TABLE `stored_files` (
	`sha256` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` integer NOT NULL
);
