ALTER TABLE `stats_state` ADD `learner_events_through` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Rollups built before this migration hold every stored event: the cursor starts after the last one.
UPDATE `stats_state` SET `learner_events_through` = (SELECT coalesce(max(rowid), 0) FROM `events`);
