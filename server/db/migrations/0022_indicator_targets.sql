CREATE TABLE `plan_indicator_targets` (
	`plan_id` text PRIMARY KEY NOT NULL,
	`basic_skills_rule` text NOT NULL,
	`targets` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
