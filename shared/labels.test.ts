import { describe, expect, it } from 'vitest';
import { TEAMS } from './api.ts';
import { AGE_BANDS, GENDER_KEYS } from './stats/api.ts';
import { LABELS, labelOf } from './labels.ts';
import { SKILLS } from './skills.ts';

const codes = { skill: SKILLS, gender: [...GENDER_KEYS, 'total'], ageBand: AGE_BANDS, team: TEAMS };

describe('LABELS', () => {
  it('names every code, no more, in both languages, never empty', () => {
    for (const lang of ['vi', 'en'] as const) {
      expect(Object.keys(LABELS[lang]).sort(), lang).toEqual(Object.keys(codes).sort());
      for (const [kind, list] of Object.entries(codes)) {
        const names = LABELS[lang][kind as keyof typeof codes] as Record<string, string>;
        expect(Object.keys(names).sort(), `${lang}.${kind}`).toEqual([...list].sort());
        for (const code of list) expect(names[code].trim(), `${lang}.${kind}.${code}`).not.toBe('');
      }
    }
  });

  it('falls back to the code for one this build does not know', () => {
    expect(labelOf('vi', 'skill', 'cyber-safety')).toBe('An toàn trên mạng');
    expect(labelOf('en', 'team', 'cns')).toBe('Community digital team');
    expect(labelOf('vi', 'skill', 'space-travel')).toBe('space-travel');
  });
});
