// What a listener to the ward's loudspeakers cannot use, checked on its own
// (not with the rules the bulletin makers use, so a gap in those rules shows
// here): web and e-mail addresses, letters spelled one by one, numbers with
// signs a voice reads out (%, a slash, 8h30), and sentences that point at a
// screen — "bấm vào nút bên dưới", "chạm vào đây", "nút Tiếp tục", "xem hình
// bên". A tap the listener makes on their own phone ("chạm vào ô nhập chữ")
// is an instruction they can follow and stays.
const CHECKS: Array<[string, RegExp]> = [
  ['web address', /https?:|www\.|\b[\p{L}0-9-]+\.(?:vn|com|net|org|gov|io|app)\b/iu],
  ['e-mail address', /\S@\S/],
  ['letters spelled one by one', /(?:^|\s)(?:\p{L}\s){3,}\p{L}(?=\s|[.,]|$)/u],
  ['percent sign', /%/],
  ['number with a slash', /\d\s?\/\s?\d/],
  ['clock time in figures', /\b\d{1,2}[h:]\d{2}\b/],
  ['markup or symbol read aloud', /[<>*#_`|[\]{}→•]/],
  ['pointing at a screen', /\b(?:bên|phía|ở) (?:dưới|trên) đây\b|\b(?:bên dưới|dưới đây|bên trên|hình bên|ảnh bên|như hình|xem hình|xem ảnh (?:dưới|bên|trên))/iu],
  ['tap or press "here" or "below"', /\b(?:chạm|bấm|nhấn|nhấp|click|tap)(?: vào)? (?:đây|vào đây|nút (?:bên|dưới|trên|này|sau)|liên kết (?:này|bên|dưới)|đường (?:link|dẫn) (?:này|bên|dưới))/iu],
  ["the app's own buttons", /nút “?(?:Tiếp|Tiếp tục|Bắt đầu|Xong|Kiểm tra|Làm lại)”?|\b(?:luyện tập|thực hành) (?:ngay )?(?:bên|dưới|trên|ở đây)|màn hình này|trong Học vụ số/iu],
];

/** The problems a listener would hear, as "what: “the words”"; empty when the text is fit for the radio. */
export function unfitForRadio(text: string): string[] {
  const found: string[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    for (const [what, re] of CHECKS) {
      const m = sentence.match(re);
      if (m) found.push(`${what}: “${m[0]}” in “${sentence.slice(0, 100)}”`);
    }
  }
  return found;
}
