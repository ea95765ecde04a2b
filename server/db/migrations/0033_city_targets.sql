CREATE TABLE `city_targets` (
	`scope` text PRIMARY KEY NOT NULL,
	`coverage_bp` integer,
	`learners` integer,
	`due_date` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
