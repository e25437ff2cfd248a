import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '@/i18n/index.ts';
import { QuorumIndicator } from './components/quorum-indicator.tsx';
import { TallyForm } from './components/tally-form.tsx';

const wrap = (ui: React.ReactElement) => render(<MantineProvider>{ui}</MantineProvider>);

describe('quorum indicator', () => {
  it('says the rule in words and how many more are needed, with Bulgarian plurals', async () => {
    await i18n.changeLanguage('bg');
    const attendance = { seats: 5, present: 2, represented: 0, absent: 1, needed: 3 };
    const { rerender } = wrap(
      <QuorumIndicator view={{ attendance, quorum: 'more_than_half', quorumMet: false }} />,
    );
    expect(screen.getByText('Кворум: повече от половината от членовете')).toBeInTheDocument();
    expect(screen.getByText('Присъстват или са представлявани 2 от 5 членове')).toBeInTheDocument();
    expect(screen.getByText(/нужен е още 1 член;/)).toBeInTheDocument();
    rerender(
      <MantineProvider>
        <QuorumIndicator
          view={{ attendance: { ...attendance, present: 1 }, quorum: 'more_than_half', quorumMet: false }}
        />
      </MantineProvider>,
    );
    expect(screen.getByText('Присъства или е представляван 1 от 5 членове')).toBeInTheDocument();
    expect(screen.getByText(/нужни са още 2 членове;/)).toBeInTheDocument();
    rerender(
      <MantineProvider>
        <QuorumIndicator
          view={{ attendance: { ...attendance, present: 3 }, quorum: 'two_thirds', quorumMet: true }}
        />
      </MantineProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Има кворум');
  });
});

describe('tally form', () => {
  it('refuses more votes than the seats present or represented with a field error, sending nothing', async () => {
    await i18n.changeLanguage('en');
    const onSubmit = vi.fn();
    wrap(<TallyForm eligible={3} onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'For' }), '3');
    await user.type(screen.getByRole('textbox', { name: 'Against' }), '1');
    await user.click(screen.getByRole('button', { name: 'Close the vote' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The votes (4) are more than the seats present or represented (3).',
    );
    expect(onSubmit).not.toHaveBeenCalled();
    await user.clear(screen.getByRole('textbox', { name: 'Against' }));
    await user.click(screen.getByRole('button', { name: 'Close the vote' }));
    expect(onSubmit).toHaveBeenCalledWith({ for: 3, against: 0, abstain: 0 });
  });
});
