ALTER TABLE `display_screens` ADD `hours_from` text;
--> statement-breakpoint
-- Screens added before their hours were counted: from their first counted day,
-- or, with none, from today (Vietnam time). Days before read "not recorded", not 0.
UPDATE `display_screens` SET `hours_from` = COALESCE(
  (SELECT min(`day`) FROM `display_days` WHERE `display_days`.`display_id` = `display_screens`.`id`),
  strftime('%Y-%m-%d', 'now', '+7 hours')
);
