CREATE TABLE `self_check_results` (
	`learner_id` text NOT NULL,
	`skill` text NOT NULL,
	`attempts` integer NOT NULL,
	`first_event_id` text NOT NULL,
	`first_at` integer NOT NULL,
	`first_score` integer NOT NULL,
	`latest_event_id` text NOT NULL,
	`latest_at` integer NOT NULL,
	`latest_score` integer NOT NULL,
	PRIMARY KEY(`learner_id`, `skill`)
);
