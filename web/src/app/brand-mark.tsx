// The app's mark in the header, drawn inline: as an <img> it was one more
// request before the first screen could count as painted, on every start.
// Same drawing as web/public/icons/icon.svg (the installed app's icon).
export function BrandMark() {
  return (
    <svg viewBox="0 0 512 512" width="28" height="28" aria-hidden="true">
      <rect width="512" height="512" rx="112" fill="#0b4f8a" />
      <path d="M256 178c-38-28-92-38-148-32v208c56-6 110 4 148 32z" fill="#fff" />
      <path d="M256 178c38-28 92-38 148-32v208c-56-6-110 4-148 32z" fill="#e3eef8" />
      <path d="M256 178v208" stroke="#0b4f8a" stroke-width="8" />
      <g fill="none" stroke="#ffbf47" stroke-width="20" stroke-linecap="round">
        <path d="M206 112a72 72 0 0 1 100 0" />
        <path d="M228 136a40 40 0 0 1 56 0" />
      </g>
      <circle cx="256" cy="158" r="11" fill="#ffbf47" />
    </svg>
  );
}
