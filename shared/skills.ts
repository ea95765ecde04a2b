// The skills framework (product.md): five basic skills of the national target,
// then four tracks. Every lesson is tagged with exactly one of these ids.

export const BASIC_SKILLS = [
  'public-services',
  'online-shopping',
  'digital-payments',
  'cyber-safety',
  'local-platforms',
] as const;

export const TRACKS = ['device-basics', 'staff-skills', 'business', 'resolution-57'] as const;

export const SKILLS = [...BASIC_SKILLS, ...TRACKS] as const;
export type Skill = (typeof SKILLS)[number];

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';
