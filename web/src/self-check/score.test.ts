import { describe, expect, it } from 'vitest';
import type { SelfCheckBank } from '../../../shared/content/self-check-schema.ts';
import { layOut, scoreAttempt } from './score.ts';

const q = (skill: 'public-services' | 'cyber-safety', n: number, correctIndex: number) => ({
  skill,
  question: { vi: `Câu ${n}?`, en: `Question ${n}?` },
  options: ['A', 'B', 'C'].map((l) => ({ vi: `${l}${n}`, en: `${l}${n} en` })),
  correctIndex,
});
const bank: SelfCheckBank = {
  version: 'v',
  minutes: 5,
  groups: [
    { skill: 'public-services', courses: ['public-services', 'health-insurance'] },
    { skill: 'cyber-safety', courses: ['cyber-safety'] },
  ],
  questions: [q('public-services', 1, 0), q('public-services', 2, 2), q('cyber-safety', 3, 1)],
};

describe('the self-check rules', () => {
  it('lays an attempt out in the chosen language, options shuffled by the seed, ids kept', () => {
    const a = layOut(bank, 'en', 3);
    expect(a.map((x) => x.question)).toEqual(['Question 1?', 'Question 2?', 'Question 3?']);
    expect(layOut(bank, 'en', 3)).toEqual(a);
    for (const x of a) expect(x.options.map((o) => o.id).sort()).toEqual([0, 1, 2]);
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => layOut(bank, 'vi', seed + 1)[0].options.map((o) => o.id).join('')));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('scores by option id per group and recommends the group\'s courses only where something was missed', () => {
    const a = layOut(bank, 'vi', 11);
    const results = scoreAttempt(bank, a, [0, 1, 1]);
    expect(results).toEqual([
      { skill: 'public-services', right: 1, total: 2, recommend: ['public-services', 'health-insurance'] },
      { skill: 'cyber-safety', right: 1, total: 1, recommend: [] },
    ]);
  });
});
