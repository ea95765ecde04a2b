import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, dummyBirthDate, normalizeCode, validateDossier, DOSSIER_CODE } from './validate.ts';

const today = new Date(2025, 5, 15);
const good = { childName: 'NGUYỄN VĂN B', birthDate: '2025-06-01', gender: 'male', attachment: 'birth-certificate', pledge: true } as const;

describe('mock dossier validation', () => {
  it('accepts a complete form', () => expect(validateDossier({ ...good }, today)).toEqual({}));

  it('says what is missing on an empty form', () => {
    expect(validateDossier(EMPTY_FORM, today)).toEqual({
      childName: 'nameRequired',
      birthDate: 'dateRequired',
      gender: 'genderRequired',
      attachment: 'fileRequired',
      pledge: 'pledgeRequired',
    });
  });

  it('rejects digits in a name, a one-word name, a future or impossible date, a child over six, the wrong file', () => {
    expect(validateDossier({ ...good, childName: 'B 123' }, today).childName).toBe('nameLetters');
    expect(validateDossier({ ...good, childName: '  B  ' }, today).childName).toBe('nameFull');
    expect(validateDossier({ ...good, birthDate: '2025-07-01' }, today).birthDate).toBe('dateFuture');
    expect(validateDossier({ ...good, birthDate: '2025-02-30' }, today).birthDate).toBe('dateInvalid');
    expect(validateDossier({ ...good, birthDate: '2018-01-01' }, today).birthDate).toBe('dateTooOld');
    expect(validateDossier({ ...good, attachment: 'selfie' }, today).attachment).toBe('fileWrong');
  });

  it('takes only the dummy name it shows, never another name', () => {
    expect(validateDossier({ ...good, childName: ' nguyễn  văn b ' }, today).childName).toBeUndefined();
    expect(validateDossier({ ...good, childName: 'TRẦN THỊ C' }, today).childName).toBe('nameDummy');
  });

  it('takes only the dummy birth date it shows, never another date', () => {
    expect(dummyBirthDate(today)).toBe('2025-06-01');
    expect(dummyBirthDate(new Date(2026, 11, 31))).toBe('2026-12-01');
    // a plausible real birth date, a few months old: refused
    expect(validateDossier({ ...good, birthDate: '2025-03-14' }, today).birthDate).toBe('dateDummy');
    expect(validateDossier({ ...good, birthDate: '2025-06-16' }, today).birthDate).toBe('dateFuture');
    expect(validateDossier({ ...good, birthDate: '2025-06-01' }, today).birthDate).toBeUndefined();
  });

  it('finds the dossier by its code typed loosely', () => {
    expect(normalizeCode(' hs-gia-000123 ')).toBe(DOSSIER_CODE);
    expect(normalizeCode('HS-GIA-000124')).not.toBe(DOSSIER_CODE);
  });
});
