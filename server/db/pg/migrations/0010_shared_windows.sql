-- Counting windows shared by server processes: UNLOGGED, since a crash that
-- forgets request counts is harmless and the counts need not wait for the disk.
CREATE UNLOGGED TABLE "shared_windows" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"count" bigint NOT NULL,
	"resets_at" bigint NOT NULL,
	CONSTRAINT "shared_windows_pkey" PRIMARY KEY("scope","key")
);
