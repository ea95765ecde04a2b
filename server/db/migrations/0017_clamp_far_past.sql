-- Records stored before the far-past clamp (server/records/times.ts) whose
-- phone date lies more than a year (366 days = 31622400000 ms) before they
-- arrived were counted on that date (1970, year 1...). The ingest now counts
-- such a record when it arrived: effective_at = received_at. This re-dates
-- the stored ones the same way, with every time taken from them, and has the
-- statistics rollups rebuilt at the next start.
--
-- Times taken from a record's effective time, moved first while the old one
-- still identifies them (only where the stored time is that record's own):
-- a resident's check-in.
UPDATE session_checkins SET joined_at = e.received_at
FROM events e
WHERE e.id = session_checkins.event_id AND e.occurred_at < e.received_at - 31622400000 AND session_checkins.joined_at = e.effective_at;
--> statement-breakpoint
-- A household a resident joined by scanning its QR code.
UPDATE household_members SET linked_at = e.received_at
FROM events e
WHERE e.type = 'household.joined' AND e.learner_id = household_members.learner_id
  AND json_extract(e.payload, '$.householdId') = household_members.household_id
  AND e.occurred_at < e.received_at - 31622400000 AND household_members.linked_at = e.effective_at;
--> statement-breakpoint
-- A household a guide linked a learner to.
UPDATE household_members SET linked_at = g.received_at
FROM guide_events g
WHERE g.type = 'household.linked' AND json_extract(g.payload, '$.learnerId') = household_members.learner_id
  AND json_extract(g.payload, '$.householdId') = household_members.household_id
  AND g.occurred_at < g.received_at - 31622400000 AND household_members.linked_at = g.effective_at;
--> statement-breakpoint
-- A household a guide created.
UPDATE households SET created_at = g.received_at
FROM guide_events g
WHERE g.type = 'household.created' AND json_extract(g.payload, '$.householdId') = households.id
  AND g.occurred_at < g.received_at - 31622400000 AND households.created_at = g.effective_at;
--> statement-breakpoint
-- A learner a guide registered.
UPDATE assisted_learners SET registered_at = g.received_at
FROM guide_events g
WHERE g.type = 'assisted.registered' AND json_extract(g.payload, '$.learnerId') = assisted_learners.id
  AND g.occurred_at < g.received_at - 31622400000 AND assisted_learners.registered_at = g.effective_at;
--> statement-breakpoint
-- A session a guide closed.
UPDATE guide_sessions SET closed_at = g.received_at
FROM guide_events g
WHERE g.type = 'session.closed' AND json_extract(g.payload, '$.sessionId') = guide_sessions.id
  AND g.occurred_at < g.received_at - 31622400000 AND guide_sessions.closed_at = g.effective_at;
--> statement-breakpoint
-- An outreach activity's last record.
UPDATE unit_activities SET recorded_at = u.received_at
FROM unit_events u
WHERE u.id = unit_activities.last_event_id AND u.occurred_at < u.received_at - 31622400000 AND unit_activities.recorded_at = u.effective_at;
--> statement-breakpoint
-- The records themselves, as effectiveTime() now computes it.
UPDATE events SET effective_at = received_at WHERE occurred_at < received_at - 31622400000;
--> statement-breakpoint
UPDATE guide_events SET effective_at = received_at WHERE occurred_at < received_at - 31622400000;
--> statement-breakpoint
UPDATE unit_events SET effective_at = received_at WHERE occurred_at < received_at - 31622400000;
--> statement-breakpoint
-- A session whose start lies more than a year before its (re-dated) record
-- starts when it was recorded, keeping its length (guide/projections.ts).
UPDATE guide_sessions SET ends_at = g.effective_at + (guide_sessions.ends_at - guide_sessions.starts_at), starts_at = g.effective_at
FROM guide_events g
WHERE g.type = 'session.created' AND json_extract(g.payload, '$.sessionId') = guide_sessions.id
  AND guide_sessions.starts_at < g.effective_at - 31622400000;
--> statement-breakpoint
-- The rollups (stats_daily, per-learner days and the counters behind them)
-- were built on the old dates: without a state row the server rebuilds them
-- from the records at its next start (stats/rollup.ts ensureFresh).
DELETE FROM stats_state;
