import { Link } from 'react-router';
import { useInstanceManifest } from '../../features/instance/hooks/use-instance-manifest';

export function SiteFooter() {
  const { data: manifest } = useInstanceManifest();

  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p className="site-footer__software">
          Powered by <strong>LynxPrompt</strong>
          {manifest && <span className="site-footer__version"> v{manifest.version}</span>}
        </p>
        <p className="site-footer__license">
          Free software under the GPL-3.0. <Link to="/license">Source code and license</Link>
        </p>
      </div>
    </footer>
  );
}
