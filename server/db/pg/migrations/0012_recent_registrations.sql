-- Recent registrations per address for the burst rule, shared by server
-- processes: UNLOGGED, as the counting windows (0010).
CREATE UNLOGGED TABLE "recent_registrations" (
	"address_key" text NOT NULL,
	"learner_id" text NOT NULL,
	"at" bigint NOT NULL,
	CONSTRAINT "recent_registrations_pkey" PRIMARY KEY("address_key","learner_id")
);
