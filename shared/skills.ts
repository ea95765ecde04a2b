// The skills framework (product.md): five basic skills of the national target,
// then the tracks. Every lesson is tagged with exactly one of these ids.

export const BASIC_SKILLS = [
  'public-services',
  'online-shopping',
  'digital-payments',
  'cyber-safety',
  'local-platforms',
] as const;

// young-people is a track, not a basic skill: the household rule and the
// "Công dân số" certificate ask every course of the five basic skills, and an
// adult should not need a course written for 12–18-year-olds to earn them.
export const TRACKS = ['device-basics', 'staff-skills', 'business', 'resolution-57', 'young-people'] as const;

export const SKILLS = [...BASIC_SKILLS, ...TRACKS] as const;
export type Skill = (typeof SKILLS)[number];

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';
