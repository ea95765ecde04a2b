// The head of a Vietnamese administrative document (Decree 30/2020/NĐ-CP,
// Phụ lục I): who issues it, its number, place and date, title, subject,
// recipients and signer. Outlines in shared/ fill it; the Word file
// (server/documents/decree30.ts) and the printed page lay it out.
export interface DocumentHead {
  /** Superior body, e.g. "UBND PHƯỜNG KIẾN AN"; upright, not bold; '' when the issuer has none (the People's Committee). */
  superior: string;
  /** Issuing body, e.g. "PHÒNG VĂN HÓA - XÃ HỘI", or its lines ("ỦY BAN NHÂN DÂN", "PHƯỜNG KIẾN AN"); bold. */
  issuer: string | string[];
  /** e.g. "Số: ....../BC-VHXH". */
  number: string;
  /** e.g. "Kiến An, ngày 04 tháng 12 năm 2026". */
  placeDate: string;
  title: string;
  subject: string[];
  recipients: string[];
  /** e.g. ["TRƯỞNG PHÒNG"]; the name is left for the signer. */
  signer: string[];
  signHint?: string;
}
