// Validation of the mock birth-registration form: the checks a real portal
// makes, with a message that says what to fix. Pure, so it is tested alone.
export type DossierForm = {
  childName: string;
  birthDate: string; // yyyy-mm-dd from <input type="date">
  gender: '' | 'male' | 'female';
  attachment: '' | 'birth-certificate' | 'selfie';
  pledge: boolean;
};

export type DossierField = keyof DossierForm;
/** Field → i18n key (under practiceDossier.errors) of what is wrong. */
export type DossierErrors = Partial<Record<DossierField, string>>;

export const EMPTY_FORM: DossierForm = { childName: '', birthDate: '', gender: '', attachment: '', pledge: false };

/**
 * The only child's name the form takes: the dummy name it shows. A practice
 * screen must never hold a real child's name.
 */
export const DUMMY_CHILD_NAME = 'NGUYỄN VĂN B';
const sameName = (a: string, b: string) => a.normalize('NFC').toLocaleUpperCase('vi') === b.normalize('NFC').toLocaleUpperCase('vi');

/**
 * The only birth date the form takes, shown next to the field: the first day
 * of the current month, so it is never in the future nor over six years ago.
 * Like the name, a practice screen must never hold a real child's birth date.
 */
export function dummyBirthDate(today: Date = new Date()): string {
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-01`;
}

const SIX_YEARS_MS = 6 * 365.25 * 24 * 3600 * 1000;

export function validateDossier(form: DossierForm, today: Date = new Date()): DossierErrors {
  const errors: DossierErrors = {};
  const name = form.childName.trim().replace(/\s+/g, ' ');
  if (!name) errors.childName = 'nameRequired';
  else if (!/^[\p{L} ]+$/u.test(name)) errors.childName = 'nameLetters';
  else if (name.split(' ').length < 2) errors.childName = 'nameFull';
  else if (!sameName(name, DUMMY_CHILD_NAME)) errors.childName = 'nameDummy';

  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(form.birthDate);
  const born = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  if (!form.birthDate) errors.birthDate = 'dateRequired';
  else if (!born || born.getMonth() !== Number(m![2]) - 1) errors.birthDate = 'dateInvalid';
  else if (born.getTime() > today.getTime()) errors.birthDate = 'dateFuture';
  else if (today.getTime() - born.getTime() > SIX_YEARS_MS) errors.birthDate = 'dateTooOld';
  else if (form.birthDate !== dummyBirthDate(today)) errors.birthDate = 'dateDummy';

  if (!form.gender) errors.gender = 'genderRequired';
  if (!form.attachment) errors.attachment = 'fileRequired';
  else if (form.attachment !== 'birth-certificate') errors.attachment = 'fileWrong';
  if (!form.pledge) errors.pledge = 'pledgeRequired';
  return errors;
}

/** The dossier code shown after submitting; tracking accepts it without spaces or case. */
export const DOSSIER_CODE = 'HS-GIA-000123';
export const normalizeCode = (s: string) => s.replace(/\s+/g, '').toUpperCase();
