import type { ScanFinding } from '../api/blueprint-types';
import { hiddenInstructionFindings, isInvisibleCharacterFinding, secretFindings } from '../findings';
import { FindingsList } from './FindingsList';

interface FindingsWarningProps {
  findings: ScanFinding[];
  /** The owner gets the author's advice and the Strip action; everyone else gets a reader's warning. */
  isOwner: boolean;
  /** Published on another instance: the findings are this instance's scan, nobody here acknowledged anything. */
  remote?: boolean;
  /** The owner can remove invisible characters in one action. */
  onStripInvisible?: () => void;
  stripping?: boolean;
}

/**
 * The warning a reader sees before copying a blueprint into a coding agent: hidden instructions (invisible characters,
 * HTML comments, encoded blobs, injection phrases) and anything that looks like a secret, each at its exact place.
 */
export function FindingsWarning({
  findings,
  isOwner,
  remote = false,
  onStripInvisible,
  stripping = false,
}: FindingsWarningProps) {
  const hidden = hiddenInstructionFindings(findings);
  const secrets = secretFindings(findings);
  if (findings.length === 0) return null;

  return (
    <section className="findings-warning" role="region" aria-label="Scan warnings">
      {hidden.length > 0 && (
        <HiddenInstructions
          findings={hidden}
          isOwner={isOwner}
          onStripInvisible={onStripInvisible}
          stripping={stripping}
        />
      )}
      {secrets.length > 0 &&
        (isOwner ? (
          <SecretsForTheAuthor findings={secrets} />
        ) : (
          <SecretsForReaders findings={secrets} remote={remote} />
        ))}
    </section>
  );
}

function HiddenInstructions({
  findings,
  isOwner,
  onStripInvisible,
  stripping,
}: {
  findings: ScanFinding[];
  isOwner: boolean;
  onStripInvisible?: () => void;
  stripping: boolean;
}) {
  const strippable = findings.filter(isInvisibleCharacterFinding);
  const needEditing = findings.length - strippable.length;
  return (
    <div className="findings-warning__group">
      <h2 className="findings-warning__title">Hidden instructions found ({findings.length})</h2>
      <p>
        This content contains text a person may not see but a coding agent will read. Check each place before you use
        it.
      </p>
      <FindingsList findings={findings} label="Hidden-instruction findings" showSuggestions={isOwner} />
      {isOwner && onStripInvisible && strippable.length > 0 && (
        <div>
          <button
            type="button"
            className="button button--primary button--small"
            onClick={onStripInvisible}
            disabled={stripping}
          >
            {stripping
              ? 'Stripping…'
              : `Strip invisible characters (${strippable.length} ${strippable.length === 1 ? 'finding' : 'findings'})`}
          </button>
        </div>
      )}
      {isOwner && needEditing > 0 && (
        <p className="field__hint">
          {needEditing === 1 ? 'One finding' : `${needEditing} findings`} (comments, encoded text or phrases) cannot be
          stripped automatically: edit the content to remove {needEditing === 1 ? 'it' : 'them'}.
        </p>
      )}
      {!isOwner && <p>Downloads contain this too; the Export section below offers a copy without it.</p>}
    </div>
  );
}

function SecretsForTheAuthor({ findings }: { findings: ScanFinding[] }) {
  return (
    <div className="findings-warning__group">
      <h2 className="findings-warning__title">Possible secrets found ({findings.length})</h2>
      <p>
        These look like credentials. The excerpts below are redacted, but the content itself shows each value in full to
        anyone who can read it. Replace real ones with a template variable such as <code>[[API_KEY]]</code>.
      </p>
      <FindingsList findings={findings} label="Secret findings" />
    </div>
  );
}

function SecretsForReaders({ findings, remote }: { findings: ScanFinding[]; remote: boolean }) {
  const likely = findings.some((finding) => finding.confidence === 'high');
  let why: string;
  if (remote) {
    why =
      'This blueprint was published on another instance; this instance scanned it and found values that look like credentials.';
  } else if (likely) {
    why = 'It may be a real credential published by mistake.';
  } else {
    why =
      'Its author confirmed before publishing that each one is not a real secret (for example a placeholder or a test value).';
  }
  return (
    <div className="findings-warning__group">
      <h2 className="findings-warning__title">Values that look like credentials ({findings.length})</h2>
      <p>
        The content below shows {findings.length === 1 ? 'it' : 'them'} in full. {why} Do not use{' '}
        {findings.length === 1 ? 'it' : 'them'} as your own credentials: put yours in{' '}
        {findings.length === 1 ? 'its' : 'their'} place.
      </p>
      <FindingsList findings={findings} label="Secret findings" showSuggestions={false} />
    </div>
  );
}
