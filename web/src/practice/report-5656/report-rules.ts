// The 5656 scam-SMS report: sent to 5656 as "S <sender> <content>" (the
// format thongbaorac.ais.gov.vn gives). Pure, so each rule is tested alone.
import { findPersonalData, type PersonalKind } from '../personal-data.ts';

export const REPORT_NUMBER = '5656';
/** The scam message to report: a dummy sender and a link on a reserved domain. */
export const SCAM = {
  sender: '0000000000',
  text: 'Tai khoan cua quy khach da bi tam khoa. Dang nhap tai mokhoatk.example de mo khoa trong 24 gio.',
};

export type ReportProblem = 'to' | 'prefix' | 'sender' | 'content' | PersonalKind;

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The first thing wrong with the report, or null when it is ready to send. */
export function checkReport(to: string, body: string): ReportProblem | null {
  if (to.replace(/\s/g, '') !== REPORT_NUMBER) return 'to';
  const personal = findPersonalData(body, { allow: [SCAM.sender, SCAM.text] });
  if (personal) return personal;
  const text = squash(body);
  if (!text.startsWith('S ')) return 'prefix';
  const rest = text.slice(2);
  if (!rest.startsWith(`${SCAM.sender} `) && rest !== SCAM.sender) return 'sender';
  if (squash(rest.slice(SCAM.sender.length)).toLowerCase() !== squash(SCAM.text).toLowerCase()) return 'content';
  return null;
}
