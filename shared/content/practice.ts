// Practice screens (simulators) a lesson can include with `practice: <id>` in
// its front matter. Each is a web component with dummy data only; finishing
// it is part of finishing the lesson.
export const PRACTICE_IDS = [
  'vneid-login', // VNeID login and level-2 check (public-services)
  'dossier-submit', // submit a dossier on a mock public-service portal (public-services)
  'vietqr-transfer', // VietQR transfer with face authentication above the threshold (digital-payments)
  'shop-checkout', // e-commerce checkout: spot the fake shop (online-shopping)
  'scam-triage', // sort SMS/Zalo/call scripts into safe and scam (cyber-safety)
] as const;
export type PracticeId = (typeof PRACTICE_IDS)[number];
