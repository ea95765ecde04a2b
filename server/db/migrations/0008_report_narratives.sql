CREATE TABLE `report_narratives` (
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`group_id` text NOT NULL,
	`situation` text NOT NULL,
	`results` text NOT NULL,
	`shortcomings` text NOT NULL,
	`proposals` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	PRIMARY KEY(`period_from`, `period_to`, `group_id`)
);
