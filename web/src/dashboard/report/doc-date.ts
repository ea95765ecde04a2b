// Decree 30/2020 (Phụ lục I) writes the day with a leading zero below 10 and
// the month with one only for January and February: "ngày 04 tháng 02", "tháng 12".
export function docDateParts(d: Date): { day: string; month: string; year: number } {
  const m = d.getMonth() + 1;
  return { day: String(d.getDate()).padStart(2, '0'), month: m <= 2 ? `0${m}` : String(m), year: d.getFullYear() };
}

/** The ward's name without "Phường" for the place-and-date line ("Kiến An, ngày …"). */
export const placeOf = (ward: string) => ward.replace(/^\s*(phường|xã|thị trấn)\s+/i, '').replace(/\s*\(.*\)\s*$/, '');
