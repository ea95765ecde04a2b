CREATE TABLE `register_files` (
	`sha256` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`unit_id` text,
	`uploaded_at` integer NOT NULL,
	PRIMARY KEY(`sha256`, `uploaded_by`),
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `register_files_unit_idx` ON `register_files` (`unit_id`,`sha256`);