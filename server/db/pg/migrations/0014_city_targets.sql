CREATE TABLE "city_targets" (
	"scope" text PRIMARY KEY NOT NULL,
	"coverage_bp" bigint,
	"learners" bigint,
	"due_date" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" bigint NOT NULL
);
