// The database schema, one file per feature area; drizzle-kit reads this index
// (drizzle.config.ts) to generate migrations into server/db/migrations.
export * from './core.ts';
export * from './ward.ts';
export * from './guide.ts';
export * from './resident.ts';
export * from './stats.ts';
export * from './stats-counters.ts';
export * from './audit.ts';
export * from './plans.ts';
export * from './report.ts';
export * from './displays.ts';
export * from './news.ts';
export * from './files.ts';
export * from './registers.ts';
export * from './plan-reports.ts';
export * from './integrity.ts';
export * from './bulletins.ts';
export * from './self-check.ts';
export * from './lesson-audio.ts';
export * from './indicators.ts';
export * from './windows.ts';
export * from './localities.ts';
export * from './city.ts';
