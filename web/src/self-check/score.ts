// The self-check's rules, pure: how an attempt is laid out (options shuffled
// per attempt, seeded, checked by option id) and what its answers mean per
// skill group, with the courses to recommend where something was missed.
import type { SelfCheckBank } from '../../../shared/content/self-check-schema.ts';
import type { Language, Skill } from '../../../shared/skills.ts';
import { seededRandom } from '../../../shared/seeded-random.ts';

export interface CheckQuestion {
  skill: Skill;
  question: string;
  /** id: the option's authored position; the screen shows them in this order. */
  options: { id: number; text: string }[];
  correctId: number;
}

export interface GroupResult {
  skill: Skill;
  right: number;
  total: number;
  /** Empty when every question of the group was right. */
  recommend: string[];
}

export function layOut(bank: SelfCheckBank, lang: Language, seed: number): CheckQuestion[] {
  const random = seededRandom(seed);
  return bank.questions.map((q) => {
    const options = q.options.map((o, id) => ({ id, text: o[lang] }));
    for (let i = options.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [options[i], options[j]] = [options[j], options[i]];
    }
    return { skill: q.skill, question: q.question[lang], options, correctId: q.correctIndex };
  });
}

/** chosen[i]: the option id picked for question i. Groups in the bank's order. */
export function scoreAttempt(bank: SelfCheckBank, questions: readonly CheckQuestion[], chosen: readonly number[]): GroupResult[] {
  return bank.groups.map((g) => {
    const mine = questions.map((q, i) => ({ q, i })).filter(({ q }) => q.skill === g.skill);
    const right = mine.filter(({ q, i }) => chosen[i] === q.correctId).length;
    return { skill: g.skill, right, total: mine.length, recommend: right < mine.length ? g.courses : [] };
  });
}
