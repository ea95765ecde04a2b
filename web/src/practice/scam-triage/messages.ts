// The messages to sort. Text and explanations live in practiceScam.json under
// the same id; the scripts follow the scam patterns in the lesson sources.
export type Channel = 'sms' | 'zalo' | 'call';
export type Message = { id: string; channel: Channel; isScam: boolean };

export const MESSAGES: Message[] = [
  { id: 'fakePolice', channel: 'call', isScam: true },
  { id: 'family', channel: 'zalo', isScam: false },
  { id: 'vneidLink', channel: 'sms', isScam: true },
  { id: 'ownOtp', channel: 'sms', isScam: false },
  { id: 'refund', channel: 'zalo', isScam: true },
  { id: 'wardSession', channel: 'call', isScam: false },
  { id: 'easyJob', channel: 'zalo', isScam: true },
  { id: 'bankThread', channel: 'sms', isScam: true },
];
