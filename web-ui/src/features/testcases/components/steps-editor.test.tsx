import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { StepsEditor, newStep, type EditableStep } from './steps-editor';

function Harness({ initial }: { initial: EditableStep[] }) {
  const [steps, setSteps] = useState(initial);
  return <StepsEditor steps={steps} onChange={setSteps} />;
}

const actions = () => screen.getAllByLabelText(/: Action$/).map((el) => (el as HTMLTextAreaElement).value);

describe('StepsEditor', () => {
  it('reorders a step with Alt+ArrowDown and Alt+ArrowUp on its handle', async () => {
    const user = userEvent.setup();
    render(<Harness initial={[newStep({ action: 'open' }), newStep({ action: 'log in' }), newStep({ action: 'pay' })]} />);
    screen.getByRole('button', { name: 'Step 1: Move' }).focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(actions()).toEqual(['log in', 'open', 'pay']);
    // the focus follows the moved step (on the next frame), so a second Alt+↓ would move it on
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Step 2: Move' })));
    screen.getByRole('button', { name: 'Step 3: Move' }).focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(actions()).toEqual(['log in', 'pay', 'open']);
  });

  it('adds, edits and removes steps', async () => {
    const user = userEvent.setup();
    render(<Harness initial={[newStep({ action: 'open' })]} />);
    await user.click(screen.getByRole('button', { name: 'Add step' }));
    await user.type(screen.getByLabelText('Step 2: Action'), 'check the cart');
    expect(actions()).toEqual(['open', 'check the cart']);
    await user.click(screen.getByRole('button', { name: 'Remove step 1' }));
    expect(actions()).toEqual(['check the cart']);
  });
});
