// Practice screens (simulators) a lesson can include with `practice: <id>` in
// its front matter. Each is a web component with dummy data only; finishing
// it is part of finishing the lesson.
export const PRACTICE_IDS = [
  'vneid-login', // VNeID login and level-2 check (public-services)
  'dossier-submit', // submit a dossier on a mock public-service portal (public-services)
  'vietqr-transfer', // VietQR transfer with face authentication above the threshold (digital-payments)
  'shop-checkout', // e-commerce checkout: spot the fake shop (online-shopping)
  'scam-triage', // sort SMS/Zalo/call scripts into safe and scam (cyber-safety)
  'mock-chatbot', // ask a scripted AI assistant, check its answer, refuse to give it private data (ai-deepfakes)
  'gestures-trainer', // tap, long-press, swipe and zoom, each with a keyboard equivalent (device-basics)
  'ward-feedback', // send feedback through a mock ward channel and keep the receipt code (local-platforms)
  'report-5656', // compose a "S <sender> <content>" report to 5656 from a scam SMS (cyber-safety)
  'receive-qr-counter', // shopkeeper: hand over goods only when the bank app shows the money (business)
  'call-back-check', // a call claiming to be social insurance: hang up, check through a number you find yourself (health-insurance)
  'show-a-parent', // for 12–18: keep a screenshot, show an adult, report the scam text to 5656 together (young-people)
  'sales-log', // household shop: a full line per sale, cash plus transfers against the day's total, a backup of your own (business)
] as const;
export type PracticeId = (typeof PRACTICE_IDS)[number];
