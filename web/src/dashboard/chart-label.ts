// A bar chart's row label in the room left of the bars: wrapped between words
// onto two lines, and only a name longer than that is cut, with "…".
/** About 30 characters of a wide Vietnamese font at 12 px fill the label's 224 px. */
export const LINE_CHARS = 30;

export function labelLines(label: string, lineChars = LINE_CHARS): { lines: string[]; cut: boolean } {
  const lines: string[] = [];
  let rest = label.trim();
  if (rest.length > lineChars) {
    const space = rest.lastIndexOf(' ', lineChars);
    const at = space > 0 ? space : lineChars;
    lines.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  const cut = rest.length > lineChars;
  lines.push(cut ? `${rest.slice(0, lineChars - 1).trimEnd()}…` : rest);
  return { lines, cut };
}
