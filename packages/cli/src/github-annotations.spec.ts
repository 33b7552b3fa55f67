import { githubAnnotation } from './github-annotations';

describe('GitHub workflow annotations', () => {
  it('escapes properties and the message the way the Actions toolkit does, so nothing ends the command early', () => {
    expect(
      githubAnnotation(
        'error',
        { file: 'docs/a,b:c%d.md', line: 4, col: 2, title: 'lynxp check: DRIFT' },
        '50%\r\nnext',
      ),
    ).toBe('::error file=docs/a%2Cb%3Ac%25d.md,line=4,col=2,title=lynxp check%3A DRIFT::50%25%0D%0Anext');
  });

  it('leaves out the places it does not know', () => {
    expect(githubAnnotation('warning', { file: 'AGENTS.md', line: undefined, title: 't' }, 'm')).toBe(
      '::warning file=AGENTS.md,title=t::m',
    );
  });
});
