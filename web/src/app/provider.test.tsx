import { Button, Modal } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { AppProvider } from './provider.tsx';
import { createQueryClient } from './query-client.ts';

function RemoveColleague() {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)}>Remove</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Remove a colleague?">
        <p>They will lose access at once.</p>
      </Modal>
    </>
  );
}

describe('AppProvider in component tests', () => {
  it('shows a dialog fully the moment it opens, with no transition left to wait for', () => {
    render(
      <AppProvider queryClient={createQueryClient()}>
        <RemoveColleague />
      </AppProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    // Synchronous queries right after the click: a dialog still fading in (opacity 0) fails here, which is
    // what made a confirmation test pass alone and fail in a busy full run.
    expect(screen.getByRole('dialog')).toBeVisible();
    expect(screen.getByText('They will lose access at once.')).toBeVisible();
  });
});
