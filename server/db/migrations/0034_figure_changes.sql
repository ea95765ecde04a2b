CREATE TABLE `figure_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`weight` integer DEFAULT 1 NOT NULL
);--> statement-breakpoint
-- Every change to what a locality's headline figures read (stats/locality-figures.ts)
-- adds to row 1, so the city's view knows when the figures it keeps are out of
-- date (stats/figure-changes.ts). New events are not watched: the rollup
-- cursor says when they are not rolled up yet, and the view rolls them up first.
INSERT INTO `figure_changes` (`id`, `weight`) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `figure_changes_stats_first_days_insert` AFTER INSERT ON `stats_first_days` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_stats_first_days_update` AFTER UPDATE ON `stats_first_days` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_stats_first_days_delete` AFTER DELETE ON `stats_first_days` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_stats_daily_insert` AFTER INSERT ON `stats_daily` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_stats_daily_update` AFTER UPDATE ON `stats_daily` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_stats_daily_delete` AFTER DELETE ON `stats_daily` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_guide_sessions_insert` AFTER INSERT ON `guide_sessions` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_guide_sessions_update` AFTER UPDATE ON `guide_sessions` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_guide_sessions_delete` AFTER DELETE ON `guide_sessions` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_session_checkins_insert` AFTER INSERT ON `session_checkins` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_session_checkins_update` AFTER UPDATE ON `session_checkins` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_session_checkins_delete` AFTER DELETE ON `session_checkins` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_integrity_holds_insert` AFTER INSERT ON `integrity_holds` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_integrity_holds_update` AFTER UPDATE ON `integrity_holds` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_integrity_holds_delete` AFTER DELETE ON `integrity_holds` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_ward_figure_settings_insert` AFTER INSERT ON `ward_figure_settings` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_ward_figure_settings_update` AFTER UPDATE ON `ward_figure_settings` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_ward_figure_settings_delete` AFTER DELETE ON `ward_figure_settings` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_residential_groups_insert` AFTER INSERT ON `residential_groups` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_residential_groups_update` AFTER UPDATE ON `residential_groups` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_residential_groups_delete` AFTER DELETE ON `residential_groups` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_events_update` AFTER UPDATE ON `events` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figure_changes_events_delete` AFTER DELETE ON `events` BEGIN UPDATE `figure_changes` SET `weight` = `weight` + 1 WHERE `id` = 1; END;
