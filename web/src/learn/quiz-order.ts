// How a quiz is laid out for one attempt. Alone, a resident gets one of each
// question's phrasings and its options in a new order every attempt, so a
// second try tests the lesson rather than where the right button was. In a
// guide's session everyone must be on the same question with the same
// letters at the same time: the first phrasing, options as authored.
// Answers are checked by option id (the authored position), never by place.
import type { CompiledQuizItem } from '../../../shared/content/schema.ts';
import { seededRandom } from '../../../shared/seeded-random.ts';

export interface ArrangedOption {
  /** The option's authored position in its phrasing: stable whatever the order on screen. */
  id: number;
  text: string;
  explanation: string;
}
export interface ArrangedQuestion {
  question: string;
  options: ArrangedOption[];
  correctId: number;
}
export type QuizOrder = { kind: 'fixed' } | { kind: 'shuffled'; seed: number };

/** A new seed for an attempt. */
export const newSeed = (): number => crypto.getRandomValues(new Uint32Array(1))[0];

function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function arrangeQuiz(items: readonly CompiledQuizItem[], order: QuizOrder): ArrangedQuestion[] {
  const random = order.kind === 'shuffled' ? seededRandom(order.seed) : null;
  return items.map((item) => {
    const phrasings = [item, ...(item.variants ?? [])];
    const chosen = random ? phrasings[Math.floor(random() * phrasings.length)] : item;
    const options = chosen.options.map((o, id) => ({ id, text: o.text, explanation: o.explanation }));
    return { question: chosen.question, options: random ? shuffled(options, random) : options, correctId: chosen.correctIndex };
  });
}
