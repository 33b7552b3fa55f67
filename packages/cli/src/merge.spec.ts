import { lineDiff, threeWayMerge } from './merge';

const base = ['# Rules', '', 'Use pnpm.', '', '## Style', '', 'Tabs.', '', '## Tests', '', 'Run jest.', ''].join('\n');

describe('three-way merge', () => {
  it('keeps a hand edit and takes an upstream change elsewhere in the file', () => {
    const mine = base.replace('Tabs.', 'Two spaces.');
    const theirs = base.replace('Run jest.', 'Run jest --ci.');
    expect(threeWayMerge(mine, base, theirs)).toEqual({
      clean: true,
      content: base.replace('Tabs.', 'Two spaces.').replace('Run jest.', 'Run jest --ci.'),
    });
  });

  it('reports a conflict when both sides change the same lines, with markers naming each side', () => {
    const mine = base.replace('Tabs.', 'Two spaces.');
    const theirs = base.replace('Tabs.', 'Four spaces.');
    const outcome = threeWayMerge(mine, base, theirs);
    expect(outcome.clean).toBe(false);
    if (outcome.clean) return;
    expect(outcome.conflicts).toBe(1);
    expect(outcome.marked).toContain(
      '<<<<<<< local\nTwo spaces.\n||||||| pulled\nTabs.\n=======\nFour spaces.\n>>>>>>> upstream',
    );
  });

  it('takes the same change made on both sides once', () => {
    const same = base.replace('Tabs.', 'Two spaces.');
    expect(threeWayMerge(same, base, same)).toEqual({ clean: true, content: same });
  });

  it('shows a line diff with removed and added lines', () => {
    const diff = lineDiff(base, base.replace('Tabs.', 'Two spaces.'));
    expect(diff.split('\n')).toEqual(expect.arrayContaining(['--- local', '+++ upstream', '-Tabs.', '+Two spaces.']));
  });
});
