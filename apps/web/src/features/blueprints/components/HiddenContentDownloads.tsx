import { FormError } from '../../../shared/components/FormError';
import type { BlueprintDetail } from '../api/blueprint-types';
import { hiddenInstructionFindings } from '../findings';
import { useDownload } from '../hooks/use-blueprint';
import { filledValues } from './VariablesForm';

interface HiddenContentDownloadsProps {
  blueprint: Pick<BlueprintDetail, 'id' | 'findings'>;
  /** The export format chosen in the menu. */
  format: string;
  /** The values typed on the page: stripped copies are filled in like the other downloads. */
  values: Record<string, string>;
  /** A skill with attached files: only the zip holds the whole folder. */
  zipOnly?: boolean;
}

/**
 * Before any download of content flagged for hidden instructions: says the files carry it, and offers copies without
 * it (strip=hidden: invisible characters and flagged HTML comments removed; visible text left as it is).
 */
export function HiddenContentDownloads({ blueprint, format, values, zipOnly = false }: HiddenContentDownloadsProps) {
  const download = useDownload(blueprint.id);
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
        {!zipOnly && (
          <button
            type="button"
            className="button button--primary button--small"
            disabled={download.isPending}
            onClick={() => download.mutate({ format, values: filledValues(values), strip: 'hidden' })}
          >
            Download without hidden content
          </button>
        )}
        <button
          type="button"
          className={`button ${zipOnly ? 'button--primary' : 'button--secondary'} button--small`}
          disabled={download.isPending}
          onClick={() => download.mutate({ format, values: filledValues(values), archive: 'zip', strip: 'hidden' })}
        >
          Download as zip without hidden content
        </button>
      </div>
      {download.error && <FormError error={download.error} />}
    </section>
  );
}
