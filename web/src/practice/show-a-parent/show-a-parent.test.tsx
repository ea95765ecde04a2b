// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import ShowAParent from './show-a-parent.tsx';

afterEach(cleanup);

const feedback = () => screen.getByTestId('practice-feedback').textContent!;

describe('show-a-parent practice', () => {
  it('finishes only after keeping evidence, showing an adult and reporting the text to 5656', async () => {
    const onDone = vi.fn();
    render(() => <ShowAParent onDone={onDone} />);
    const user = userEvent.setup();
    expect(screen.getByTestId('parent-message').textContent).toContain('Đừng nói với bố mẹ');

    await user.click(screen.getByTestId('parent-first-delete'));
    expect(feedback()).toContain('mất bằng chứng');
    await user.click(screen.getByTestId('parent-first-screenshot'));
    expect(screen.getByTestId('parent-screenshot').textContent).toContain('thời gian');

    await user.click(screen.getByTestId('parent-show-keepSecret'));
    expect(feedback()).toContain('cho người lớn xem ngay');
    await user.click(screen.getByTestId('parent-show-parent'));
    expect(screen.getByTestId('parent-says').textContent).toContain('cùng báo');

    await user.click(screen.getByTestId('parent-report-call156'));
    expect(feedback()).toContain('156 là để phản ánh cuộc gọi');
    expect(onDone).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('parent-report-sms5656'));
    expect(feedback()).toContain('gửi 5656');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('has no field to type into', () => {
    render(() => <ShowAParent onDone={() => {}} />);
    expect(document.querySelectorAll('input, textarea').length).toBe(0);
  });
});
