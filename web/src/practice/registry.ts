// Each simulator is its own chunk, fetched when a lesson reaches its practice
// screen (and precached by the service worker, so it also opens offline).
import type { Component } from 'solid-js';
import type { PracticeId } from '../../../shared/content/practice.ts';

/** What every simulator receives: call `onDone` once the learner has finished the task. */
export type SimulatorProps = { onDone: () => void };
type SimulatorModule = { default: Component<SimulatorProps> };

export const SIMULATORS: Record<PracticeId, () => Promise<SimulatorModule>> = {
  'vneid-login': () => import('./vneid-login/vneid-login.tsx'),
  'dossier-submit': () => import('./dossier-submit/dossier-submit.tsx'),
  'vietqr-transfer': () => import('./vietqr-transfer/vietqr-transfer.tsx'),
  'shop-checkout': () => import('./shop-checkout/shop-checkout.tsx'),
  'scam-triage': () => import('./scam-triage/scam-triage.tsx'),
  'mock-chatbot': () => import('./mock-chatbot/mock-chatbot.tsx'),
  'gestures-trainer': () => import('./gestures-trainer/gestures-trainer.tsx'),
  'ward-feedback': () => import('./ward-feedback/ward-feedback.tsx'),
  'report-5656': () => import('./report-5656/report-5656.tsx'),
  'receive-qr-counter': () => import('./receive-qr-counter/receive-qr-counter.tsx'),
  'call-back-check': () => import('./call-back-check/call-back-check.tsx'),
  'show-a-parent': () => import('./show-a-parent/show-a-parent.tsx'),
  'sales-log': () => import('./sales-log/sales-log.tsx'),
};
