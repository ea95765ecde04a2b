CREATE TABLE `stories` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`html` text NOT NULL,
	`names_private` integer NOT NULL,
	`consent_by` text,
	`consent_at` integer,
	`unit_id` text,
	`photos` text NOT NULL,
	`author_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`approved_by` text,
	`approved_at` integer,
	`published_at` integer,
	FOREIGN KEY (`consent_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stories_status_idx` ON `stories` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `stories_unit_idx` ON `stories` (`unit_id`,`updated_at`);