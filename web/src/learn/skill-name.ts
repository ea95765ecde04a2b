import { t } from '../i18n/index.ts';

/**
 * The name of a skill as a resident reads it, the same on home's checklist, a
 * course page, a certificate and the dashboard. The names live once, in
 * shared/labels (also used by the exported files); this is the one way the
 * screens ask for them.
 */
export const skillName = (skill: string): string => t(`skills.${skill}`);

/** "Kỹ năng: …", the line that ties a course or its certificate to its skill. */
export const skillLine = (skill: string): string => t('course.skill', { skill: skillName(skill) });
