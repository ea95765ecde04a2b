// The skills self-check: courses/self-check.yaml (what authors write) and the
// compiled bank the resident's screen reads. Questions are tagged with a
// skill group of the framework (shared/skills.ts); each group names the
// courses to recommend when its questions are missed.
import { z } from 'zod';
import { SKILLS } from '../skills.ts';

const text = z.string().trim().min(1, 'must not be empty');
const localized = z.strictObject({ vi: text, en: text }, { error: 'must have both "vi" and "en"' });
const skill = z.enum(SKILLS, { error: `must be one of: ${SKILLS.join(', ')}` });
const ref = z.string().regex(/^[a-z0-9-]+\/\d{2}-[a-z0-9-]+$/, 'must name a lesson as <course>/<NN-lesson>, e.g. public-services/02-vneid-levels');

const questionSource = z
  .strictObject({
    skill,
    /** The lesson the question comes from: its facts are that lesson's. */
    from: ref,
    question: localized,
    options: z.array(localized).min(2, 'needs at least 2 options').max(6, 'at most 6 options'),
    /** 1-based, as in lessons. */
    answer: z.number().int().min(1, 'answer is 1-based: the first option is 1'),
  })
  .superRefine((q, ctx) => {
    if (q.answer > q.options.length) ctx.addIssue({ code: 'custom', path: ['answer'], message: `answer ${q.answer} is out of range: this question has ${q.options.length} options` });
  });

export const selfCheckSourceSchema = z
  .strictObject({
    minutes: z.number().int().min(1).max(15),
    groups: z.array(z.strictObject({ skill, courses: z.array(z.string()).min(1, 'recommend at least one course') })).min(1),
    questions: z.array(questionSource).min(6, 'a self-check needs 6 to 20 questions').max(20, 'a self-check needs 6 to 20 questions'),
  })
  .superRefine((s, ctx) => {
    const groups = new Set<string>();
    s.groups.forEach((g, i) => {
      if (groups.has(g.skill)) ctx.addIssue({ code: 'custom', path: ['groups', i, 'skill'], message: `group "${g.skill}" is listed twice` });
      groups.add(g.skill);
    });
    s.questions.forEach((q, i) => {
      if (!groups.has(q.skill)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'skill'], message: `"${q.skill}" is not one of the groups listed above` });
    });
    for (const g of groups) {
      if (!s.questions.some((q) => q.skill === g)) ctx.addIssue({ code: 'custom', path: ['groups'], message: `group "${g}" has no question` });
    }
  });
export type SelfCheckSource = z.infer<typeof selfCheckSourceSchema>;

/** What the phone reads: both languages, answers as option positions (0-based). */
export interface SelfCheckBank {
  /** A hash of the bank: each attempt's record names the bank it answered. */
  version: string;
  minutes: number;
  groups: { skill: (typeof SKILLS)[number]; courses: string[] }[];
  questions: {
    skill: (typeof SKILLS)[number];
    question: { vi: string; en: string };
    options: { vi: string; en: string }[];
    correctIndex: number;
  }[];
}
