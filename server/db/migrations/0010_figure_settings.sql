CREATE TABLE `ward_figure_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`official_kinds` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
