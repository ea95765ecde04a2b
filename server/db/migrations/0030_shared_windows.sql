CREATE TABLE `shared_windows` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`count` integer NOT NULL,
	`resets_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
