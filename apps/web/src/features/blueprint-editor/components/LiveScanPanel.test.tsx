import { render, screen } from '@testing-library/react';
import { finding } from '../../blueprints/testing/blueprint-fixtures';
import { LiveScanPanel } from './LiveScanPanel';

describe('LiveScanPanel', () => {
  it('counts from the scan’s exact totals and says when only the first findings are listed', () => {
    const listed = Array.from({ length: 3 }, (_, index) =>
      finding({ id: `f_${index}`, confidence: 'low', line: index + 1 }),
    );
    render(
      <LiveScanPanel
        result={{
          findings: listed,
          secrets: { high: 0, low: 30 },
          hiddenInstructions: 2,
          truncated: true,
        }}
        error={undefined}
        scanning={false}
        empty={false}
        variables={[]}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Found 30 possible secrets, 2 hidden instructions. The first 3 are listed.',
    );
  });
});
