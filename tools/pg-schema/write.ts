// npm run db:pg-schema: rewrites server/db/pg/schema.generated.ts from the
// SQLite schema. Then `npm run db:pg-generate` makes the PostgreSQL migration.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as schema from '../../server/db/schema/index.ts';
import { PROJECT_ROOT } from '../../server/paths.ts';
import { GENERATED_PATH, generatePgSchema } from './generate.ts';

writeFileSync(join(PROJECT_ROOT, GENERATED_PATH), generatePgSchema(schema));
console.log(`wrote ${GENERATED_PATH}`);
