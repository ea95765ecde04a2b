CREATE TABLE `recent_registrations` (
	`address_key` text NOT NULL,
	`learner_id` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`address_key`, `learner_id`)
);
