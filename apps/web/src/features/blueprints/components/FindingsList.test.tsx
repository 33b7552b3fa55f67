import { render, screen } from '@testing-library/react';
import { finding } from '../testing/blueprint-fixtures';
import { FindingsList } from './FindingsList';

describe('FindingsList', () => {
  it('shows the API’s suggestion sentence as written, with its template variable as code', () => {
    render(
      <FindingsList
        label="Scan findings"
        findings={[finding({ suggestion: 'Replace it with a template variable: [[OPENAI_API_KEY]]' })]}
      />,
    );

    const suggestion = screen.getByText(/^Replace it with a template variable:/);
    expect(suggestion).toHaveTextContent(/^Replace it with a template variable: \[\[OPENAI_API_KEY\]\]$/);
    expect(screen.getByText('[[OPENAI_API_KEY]]', { selector: 'code' })).toBeInTheDocument();
  });

  it('shows a suggestion without variables, such as one for hidden instructions, unchanged', () => {
    render(
      <FindingsList
        label="Scan findings"
        findings={[finding({ category: 'hidden-instruction', suggestion: 'Remove the invisible characters.' })]}
      />,
    );

    expect(screen.getByText('Remove the invisible characters.')).toHaveClass('finding__suggestion');
  });
});
