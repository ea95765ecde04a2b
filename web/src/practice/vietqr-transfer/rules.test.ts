import { describe, expect, it } from 'vitest';
import { authFor, dummyOtp, parseAmount } from './rules.ts';

describe('mock bank rules', () => {
  it('asks for the face over 10 million VND and an OTP up to it', () => {
    expect(authFor(150_000)).toBe('otp');
    expect(authFor(10_000_000)).toBe('otp');
    expect(authFor(10_000_001)).toBe('face');
    expect(authFor(12_000_000)).toBe('face');
  });

  it('reads amounts the way people type them', () => {
    expect(parseAmount('12.000.000')).toBe(12_000_000);
    expect(parseAmount('150 000 đ')).toBe(150_000);
    expect(parseAmount('150000')).toBe(150_000);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('0')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
    expect(parseAmount('-5')).toBeNull();
  });

  it('makes six-digit dummy codes', () => {
    expect(dummyOtp(() => 0)).toBe('100000');
    expect(dummyOtp(() => 0.999999)).toMatch(/^\d{6}$/);
  });
});
