// @vitest-environment happy-dom
// The figures by kind: each with its definition, the official line, and an
// admin's choice sent as chosen.
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dashboard } from '../../../shared/stats/api.ts';
import '../i18n/index.ts';
import './strings.ts';
import { KindsSection } from './kinds-section.tsx';

const data = {
  kinds: { verified: 2, selfReported: 48, outcomes: 1, held: 1, official: { kinds: ['verified', 'self-reported', 'outcomes'], isDefault: true }, officialLessons: 50 },
} as unknown as Dashboard;

afterEach(() => cleanup());

describe('kinds section', () => {
  it('shows each kind with its figure and definition, and the default with its reason', () => {
    render(() => <KindsSection data={data} canChoose={false} onChoose={async () => {}} />);
    expect([0, 1, 2, 3, 4].map((i) => screen.getByTestId(`kinds-table-${i}`).textContent)).toEqual(['2', '48', '1', '1', '50']);
    const table = screen.getByTestId('kinds-table').textContent!;
    expect(table).toContain('điểm danh vào một buổi hướng dẫn');
    expect(table).toContain('Phường chưa chọn; mặc định tính');
    expect(screen.queryByTestId('kinds-choice')).toBeNull();
  });

  it('lets an admin choose the kinds', async () => {
    const onChoose = vi.fn(async () => {});
    render(() => <KindsSection data={data} canChoose={true} onChoose={onChoose} />);
    await userEvent.click(screen.getByRole('checkbox', { name: /Tự học, tự khai/ }));
    await userEvent.click(screen.getByText('Lưu lựa chọn'));
    expect(onChoose).toHaveBeenCalledWith(['verified', 'outcomes']);
  });
});
