import { usePageTitle } from '../features/instance/hooks/use-page-title';

const GPL_URL = 'https://www.gnu.org/licenses/gpl-3.0.html';

/** The GPL-3.0 source notice linked from the footer. */
export function LicensePage() {
  usePageTitle('Source code and license');

  return (
    <article className="prose" aria-labelledby="license-title">
      <h1 id="license-title">Source code and license</h1>
      <p>
        This instance runs <strong>LynxPrompt</strong>, free software released under the{' '}
        <a href={GPL_URL}>GNU General Public License, version 3</a> (GPL-3.0-only).
      </p>
      <p>
        You may run, study, share and modify the program. If you distribute it, modified or not, you must do so under
        the same license and make the corresponding source code available to those who receive it.
      </p>
      <p>
        LynxPrompt comes with <strong>absolutely no warranty</strong>, to the extent permitted by applicable law. See
        sections 15 and 16 of the license for details.
      </p>
      <p>
        The operator of this instance can tell you where to get the exact source code it runs. Blueprints published here
        remain their authors’ work and may carry licenses of their own.
      </p>
    </article>
  );
}
