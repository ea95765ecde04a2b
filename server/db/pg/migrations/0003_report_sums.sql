DROP INDEX "unit_activities_tracker_idx";--> statement-breakpoint
ALTER TABLE "unit_activities" ADD COLUMN "reach_participants" bigint;--> statement-breakpoint
ALTER TABLE "unit_activities" ADD COLUMN "reach_views" bigint;--> statement-breakpoint
ALTER TABLE "unit_activities" ADD COLUMN "reach_minutes_aired" bigint;--> statement-breakpoint
ALTER TABLE "unit_activities" ADD COLUMN "reach_copies" bigint;--> statement-breakpoint
ALTER TABLE "unit_activities" ADD COLUMN "reach_screen_hours" bigint;--> statement-breakpoint
ALTER TABLE "unit_activity_items" ADD COLUMN "plan_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_activity_items" ADD COLUMN "unit_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_activity_items" ADD COLUMN "starts_on" text NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_activity_items" ADD COLUMN "ends_on" text NOT NULL;--> statement-breakpoint
CREATE INDEX "unit_activity_items_plan_idx" ON "unit_activity_items" USING btree ("plan_id","item_code","starts_on","unit_id","activity_id","ends_on");--> statement-breakpoint
CREATE INDEX "unit_activities_tracker_idx" ON "unit_activities" USING btree ("plan_id","unit_id","form_code","starts_on","ends_on","sub_form_id","id","reach_participants","reach_views","reach_minutes_aired","reach_copies","reach_screen_hours");