DROP INDEX `guide_events_recorded_by_idx`;--> statement-breakpoint
CREATE INDEX `guide_events_recorded_by_idx` ON `guide_events` (`recorded_by`,`type`,`occurred_at`);