CREATE TABLE "display_days" (
	"display_id" text NOT NULL,
	"day" text NOT NULL,
	"on_ms" bigint NOT NULL,
	CONSTRAINT "display_days_pkey" PRIMARY KEY("display_id","day")
);
--> statement-breakpoint
ALTER TABLE "display_days" ADD CONSTRAINT "display_days_display_id_fkey" FOREIGN KEY ("display_id") REFERENCES "public"."display_screens"("id") ON DELETE cascade ON UPDATE no action;