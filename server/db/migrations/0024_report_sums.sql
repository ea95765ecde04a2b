-- The report sums reach and counts content items from indexes alone: the reach counts of
-- `details` as columns of unit_activities (in the tracker's covering index), and each
-- content item row carries its activity's plan, unit and days. Existing rows are filled
-- from what they already hold.
DROP INDEX `unit_activities_tracker_idx`;--> statement-breakpoint
ALTER TABLE `unit_activities` ADD `reach_participants` integer;--> statement-breakpoint
ALTER TABLE `unit_activities` ADD `reach_views` integer;--> statement-breakpoint
ALTER TABLE `unit_activities` ADD `reach_minutes_aired` integer;--> statement-breakpoint
ALTER TABLE `unit_activities` ADD `reach_copies` integer;--> statement-breakpoint
ALTER TABLE `unit_activities` ADD `reach_screen_hours` integer;--> statement-breakpoint
UPDATE `unit_activities` SET
	`reach_participants` = json_extract(`details`, '$.reach.participants'),
	`reach_views` = json_extract(`details`, '$.reach.views'),
	`reach_minutes_aired` = json_extract(`details`, '$.reach.minutesAired'),
	`reach_copies` = json_extract(`details`, '$.reach.copies'),
	`reach_screen_hours` = json_extract(`details`, '$.reach.screenHours');--> statement-breakpoint
CREATE INDEX `unit_activities_tracker_idx` ON `unit_activities` (`plan_id`,`unit_id`,`form_code`,`starts_on`,`ends_on`,`sub_form_id`,`id`,`reach_participants`,`reach_views`,`reach_minutes_aired`,`reach_copies`,`reach_screen_hours`);--> statement-breakpoint
CREATE TABLE `__new_unit_activity_items` (
	`activity_id` text NOT NULL,
	`item_code` text NOT NULL,
	`plan_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	PRIMARY KEY(`activity_id`, `item_code`),
	FOREIGN KEY (`activity_id`) REFERENCES `unit_activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_unit_activity_items` (`activity_id`, `item_code`, `plan_id`, `unit_id`, `starts_on`, `ends_on`)
	SELECT i.`activity_id`, i.`item_code`, a.`plan_id`, a.`unit_id`, a.`starts_on`, a.`ends_on`
	FROM `unit_activity_items` i JOIN `unit_activities` a ON a.`id` = i.`activity_id`;--> statement-breakpoint
DROP TABLE `unit_activity_items`;--> statement-breakpoint
ALTER TABLE `__new_unit_activity_items` RENAME TO `unit_activity_items`;--> statement-breakpoint
CREATE INDEX `unit_activity_items_plan_idx` ON `unit_activity_items` (`plan_id`,`item_code`,`starts_on`,`unit_id`,`activity_id`,`ends_on`);
