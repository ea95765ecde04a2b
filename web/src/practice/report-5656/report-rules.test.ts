import { describe, expect, it } from 'vitest';
import { checkReport, SCAM } from './report-rules.ts';

const right = `S ${SCAM.sender} ${SCAM.text}`;

describe('the 5656 report', () => {
  it('takes "S <sender> <content>" sent to 5656, with any spacing', () => {
    expect(checkReport('5656', right)).toBeNull();
    expect(checkReport(' 56 56 ', `S  ${SCAM.sender}\n${SCAM.text.toUpperCase()} `)).toBeNull();
  });

  it('names the first thing wrong', () => {
    expect(checkReport('156', right)).toBe('to');
    expect(checkReport('5656', `${SCAM.sender} ${SCAM.text}`)).toBe('prefix');
    expect(checkReport('5656', `s ${SCAM.sender} ${SCAM.text}`)).toBe('prefix');
    expect(checkReport('5656', `S ${SCAM.text}`)).toBe('sender');
    expect(checkReport('5656', `S ${SCAM.sender}`)).toBe('content');
    expect(checkReport('5656', `S ${SCAM.sender} tin lua dao`)).toBe('content');
  });

  it('refuses the learner\'s own phone number, ID number or OTP in the report', () => {
    expect(checkReport('5656', `${right} goi lai 0912345678`)).toBe('phone');
    expect(checkReport('5656', `${right} cccd 001099001234`)).toBe('idNumber');
    expect(checkReport('5656', `${right} ma 482913`)).toBe('otp');
  });
});
