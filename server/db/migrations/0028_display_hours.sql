CREATE TABLE `display_days` (
	`display_id` text NOT NULL,
	`day` text NOT NULL,
	`on_ms` integer NOT NULL,
	PRIMARY KEY(`display_id`, `day`),
	FOREIGN KEY (`display_id`) REFERENCES `display_screens`(`id`) ON UPDATE no action ON DELETE cascade
);
