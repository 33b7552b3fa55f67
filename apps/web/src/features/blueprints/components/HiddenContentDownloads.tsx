import { strippedExportUrl } from '../api/blueprints-api';
import type { BlueprintDetail } from '../api/blueprint-types';
import { hiddenInstructionFindings } from '../findings';

interface HiddenContentDownloadsProps {
  blueprint: Pick<BlueprintDetail, 'id' | 'findings'>;
  /** The export format chosen in the menu. */
  format: string;
}

/**
 * Before any download of content flagged for hidden instructions: says the files carry it, and offers copies without
 * it (strip=hidden: invisible characters and flagged HTML comments removed; visible text left as it is).
 */
export function HiddenContentDownloads({ blueprint, format }: HiddenContentDownloadsProps) {
  const hidden = hiddenInstructionFindings(blueprint.findings);
  if (hidden.length === 0 || !format) return null;
  return (
    <section className="callout callout--warning stack stack--tight" aria-label="Hidden content in downloads">
      <p>
        <strong>Downloads and copies include the hidden instructions flagged above</strong> ({hidden.length}{' '}
        {hidden.length === 1 ? 'finding' : 'findings'}). A coding agent reads them even where you cannot see them.
      </p>
      <p>
        The copy without hidden content drops the invisible characters and the flagged HTML comments. Visible text, such
        as an injection phrase or an encoded blob, stays: check those places yourself.
      </p>
      <div className="cluster">
        <a className="button button--primary button--small" href={strippedExportUrl(blueprint.id, format)} download>
          Download without hidden content
        </a>
        <a
          className="button button--secondary button--small"
          href={strippedExportUrl(blueprint.id, format, 'zip')}
          download
        >
          Download as zip without hidden content
        </a>
      </div>
    </section>
  );
}
