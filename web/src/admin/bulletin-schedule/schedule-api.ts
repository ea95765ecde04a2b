// The broadcast schedule's calls (staff cookie session): saved bulletins,
// their schedules, and marking a day as aired.
import type { StaffUser, WardProfile } from '../../../../shared/api.ts';
import type { Bulletin, BulletinInput } from '../../../../shared/outreach/bulletin-schedule.ts';
import type { Unit } from '../../../../shared/plans/schema.ts';
import { request, staffRequest } from '../../net/http.ts';

const API = '/api/v1/bulletins';
export const scheduleApi = {
  me: () => staffRequest<{ user: StaffUser }>('/api/v1/auth/me').then((r) => r.user),
  list: () => staffRequest<{ bulletins: Bulletin[] }>(API).then((r) => r.bulletins),
  create: (input: BulletinInput) => staffRequest<Bulletin>(API, { method: 'POST', json: input }),
  save: (id: string, input: BulletinInput) => staffRequest<Bulletin>(`${API}/${id}`, { method: 'PUT', json: input }),
  aired: (id: string, day: string, minutes: number) => staffRequest<Bulletin>(`${API}/${id}/aired`, { method: 'POST', json: { day, minutes } }),
  units: () => staffRequest<{ units: Unit[] }>('/api/v1/units').then((r) => r.units),
  groups: () => request<WardProfile>('/api/v1/ward').then((w) => w.groups),
};

/** The fields a save sends again unchanged, from a saved bulletin. */
export const inputOf = (b: Bulletin): BulletinInput => ({ kind: b.kind, title: b.title, body: b.body, rate: b.rate, unitId: b.unitId, schedule: b.schedule });
