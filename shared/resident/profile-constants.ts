// The resident profile's constants and shape without zod, so phone code (the
// Dexie layer, the profile form) can use them without shipping the validation
// library: importing a value from shared/events/resident.ts would build all
// four resident event schemas on the phone (zod's core and ISO formats, about
// 24 KB gzip). shared/events/resident.ts builds the server's schemas from
// these and checks at compile time that the shape below matches them.

export const GENDERS = ['female', 'male', 'other'] as const;
export const MIN_BIRTH_YEAR = 1900;
/** Learners are people old enough to hold a phone; a later year is a typo. */
export const MAX_BIRTH_YEAR = 2020;

/** Each field optional: null means "not given" (or cleared). */
export type ProfileDetails = {
  displayName: string | null;
  birthYear: number | null;
  gender: (typeof GENDERS)[number] | null;
  residentialGroupId: string | null;
  /** Civil servants: the office they work in. */
  unit: string | null;
};

export const EMPTY_PROFILE: ProfileDetails = { displayName: null, birthYear: null, gender: null, residentialGroupId: null, unit: null };
