CREATE TABLE `register_budget_lines` (
	`proposal_id` text NOT NULL,
	`position` integer NOT NULL,
	`description` text NOT NULL,
	`quantity` integer,
	`proposed_amount` integer NOT NULL,
	`approved_amount` integer,
	PRIMARY KEY(`proposal_id`, `position`),
	FOREIGN KEY (`proposal_id`) REFERENCES `register_budget_proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `register_budget_proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`title` text NOT NULL,
	`proposed_on` text NOT NULL,
	`status` text NOT NULL,
	`decided_on` text,
	`note` text NOT NULL,
	`filed_by` text NOT NULL,
	`filed_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`filed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `register_budget_plan_idx` ON `register_budget_proposals` (`plan_id`,`proposed_on`);--> statement-breakpoint
CREATE INDEX `register_budget_unit_idx` ON `register_budget_proposals` (`unit_id`,`proposed_on`);--> statement-breakpoint
CREATE TABLE `register_difficulties` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`item_code` text,
	`summary` text NOT NULL,
	`details` text NOT NULL,
	`raised_on` text NOT NULL,
	`status` text NOT NULL,
	`handling` text,
	`handled_on` text,
	`proposed_on` text,
	`resolved_on` text,
	`filed_by` text NOT NULL,
	`filed_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`filed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `register_difficulties_plan_idx` ON `register_difficulties` (`plan_id`,`raised_on`);--> statement-breakpoint
CREATE INDEX `register_difficulties_unit_idx` ON `register_difficulties` (`unit_id`,`raised_on`);--> statement-breakpoint
CREATE TABLE `register_misinformation` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text,
	`plan_id` text NOT NULL,
	`item_code` text,
	`platform` text NOT NULL,
	`link` text NOT NULL,
	`seen_on` text NOT NULL,
	`description` text NOT NULL,
	`assessment` text NOT NULL,
	`action` text NOT NULL,
	`correction_link` text,
	`action_on` text,
	`status` text NOT NULL,
	`closed_on` text,
	`screenshot_file` text,
	`logged_by` text NOT NULL,
	`logged_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`logged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `register_misinformation_plan_idx` ON `register_misinformation` (`plan_id`,`seen_on`);--> statement-breakpoint
CREATE INDEX `register_misinformation_unit_idx` ON `register_misinformation` (`unit_id`,`seen_on`);