import { describe, expect, it } from 'vitest';
import type { CoverageRow } from '../stats/api.ts';
import { figureSentences } from './figures-spoken.ts';
import { speechProblems } from './spoken.ts';

const row = (name: string | null, householdShare: number | null, completedShare: number | null): CoverageRow => ({
  groupId: name ? name.toLowerCase() : null,
  name,
  adultPopulation: 100,
  households: 40,
  figuresAreSample: false,
  reached: 10,
  completed: 10,
  reachedShare: 0.1,
  completedShare,
  householdsRecorded: 10,
  householdsFiveSkills: 5,
  householdShare,
  completedThisMonth: 0,
  growthPoints: null,
});

describe('live figures for the radio', () => {
  it('speaks the dashboard\'s figures and leaves out what is hidden', () => {
    const text = figureSentences('Phường Kiến An', { learners: 1234 }, [row('Tổ dân phố 5', 0.62, 0.3), row('Tổ dân phố 6', null, 0.12), row('Tổ dân phố 7', null, null), row(null, null, null)], '2026-12-05');
    expect(text).toContain('Tính đến ngày 5 tháng 12 năm 2026, Phường Kiến An đã có 1.234 người dân');
    expect(text).toContain('Ở Tổ dân phố 5, 62 phần trăm hộ gia đình đã có người hoàn thành cả năm kỹ năng số cơ bản.');
    expect(text).toContain('Ở Tổ dân phố 6, 12 phần trăm người dân đã học xong ít nhất một khóa học.');
    expect(text).not.toContain('Tổ dân phố 7');
    expect(speechProblems(text)).toEqual([]);
  });
});
