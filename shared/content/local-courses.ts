// Local courses: a course whose course.yaml lists `localities` is taught only
// in those localities of a city deployment (its own channels, its hotline).
// A course with no list is city-wide. Where no locality is known (a single
// ward, or the city's own app) local courses are not offered: they are written
// for a named locality, and a single ward's content is the city-wide set.
// The phone filters what it lists and opens by this, and each locality's
// server filters the catalogue it counts completions against by the same rule.

/** True when the course is taught where `locality` is (null: no locality). */
export function offeredIn(course: { localities?: readonly string[] }, locality: string | null | undefined): boolean {
  if (!course.localities) return true;
  return locality != null && course.localities.includes(locality);
}

/** The courses taught in `locality`, in their order. */
export function coursesIn<C extends { localities?: readonly string[] }>(courses: readonly C[], locality: string | null | undefined): C[] {
  return courses.filter((c) => offeredIn(c, locality));
}
