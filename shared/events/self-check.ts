// The skills self-check: one record per attempt, made on the resident's
// phone. It carries only how many questions of each skill group were right,
// never the answers; the ward sees first against latest attempts as
// aggregates (server/self-check).
import { z } from 'zod';
import { SKILLS } from '../skills.ts';
import { learnerEnvelope } from './envelope.ts';
import { contentVersionSchema, durationSecSchema } from './primitives.ts';

export const selfCheckGroupResultSchema = z
  .strictObject({
    skill: z.enum(SKILLS),
    right: z.number().int().min(0).max(50),
    total: z.number().int().min(1).max(50),
  })
  .refine((r) => r.right <= r.total, { message: 'right must not exceed total', path: ['right'] });

export const selfCheckCompletedSchema = z.strictObject({
  ...learnerEnvelope,
  type: z.literal('selfcheck.completed'),
  /** The bank answered (its hash): figures compare like with like. */
  bankVersion: contentVersionSchema,
  results: z
    .array(selfCheckGroupResultSchema)
    .min(1)
    .max(SKILLS.length)
    .refine((rs) => new Set(rs.map((r) => r.skill)).size === rs.length, { message: 'each skill group once' }),
  durationSec: durationSecSchema,
});

export const selfCheckEventSchemas = [selfCheckCompletedSchema] as const;
