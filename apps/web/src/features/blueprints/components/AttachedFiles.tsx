import { useState } from 'react';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { LoadingState } from '../../../shared/components/LoadingState';
import type { AttachedFile } from '../api/blueprint-types';
import { formatBytes } from '../content';
import { useAttachedFile } from '../hooks/use-blueprint';
import { FindingsList } from './FindingsList';
import { CodeView } from './MarkdownView';

interface AttachedFilesProps {
  blueprintId: string;
  /** The version the page shows: its files are the ones listed. */
  version: number;
  files: AttachedFile[];
}

/** highlight.js languages by extension; anything else is shown as plain text. */
const LANGUAGES: Record<string, string> = {
  md: 'markdown',
  markdown: 'markdown',
  py: 'python',
  sh: 'bash',
  bash: 'bash',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  toml: 'ini',
  html: 'xml',
  xml: 'xml',
  css: 'css',
};

function languageOf(path: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return LANGUAGES[extension] ?? 'plaintext';
}

function findingCount(file: AttachedFile): number {
  const { secrets, hiddenInstructions } = file.findingTotals;
  return secrets.high + secrets.low + hiddenInstructions;
}

function FindingsBadge({ file }: { file: AttachedFile }) {
  if (file.encoding === 'base64') return <span className="badge badge--quiet">Binary, not scanned</span>;
  const count = findingCount(file);
  if (count === 0) return <span className="badge badge--success">No findings</span>;
  const secret = file.findingTotals.secrets.high + file.findingTotals.secrets.low > 0;
  return (
    <span className="badge badge--danger">
      {count} {count === 1 ? 'finding' : 'findings'}
      {secret ? ' (possible secret)' : ' (hidden instructions)'}
    </span>
  );
}

function FileContent({ blueprintId, version, file }: { blueprintId: string; version: number; file: AttachedFile }) {
  const content = useAttachedFile(blueprintId, { path: file.path, version });
  if (content.isPending) return <LoadingState label={`Loading ${file.path}…`} />;
  if (content.error) {
    return (
      <ApiErrorNotice
        title={`${file.path} could not be loaded`}
        error={content.error}
        onRetry={() => void content.refetch()}
        retrying={content.isFetching}
      />
    );
  }
  return <CodeView code={content.data} language={languageOf(file.path)} label={`Content of ${file.path}`} />;
}

/**
 * A skill's other files (references/, scripts/, assets/): path, size and scan, each text file viewable. They travel
 * with the skill: its downloads are zips of the whole folder.
 */
export function AttachedFiles({ blueprintId, version, files }: AttachedFilesProps) {
  const [open, setOpen] = useState<string | undefined>();
  const ordered = [...files].sort((a, b) => a.path.localeCompare(b.path));
  return (
    <ul className="attached-files" aria-label="Attached files">
      {ordered.map((file) => {
        const shown = open === file.path;
        return (
          <li key={file.path} className="attached-file">
            <div className="attached-file__head">
              <code className="attached-file__path">{file.path}</code>
              <span className="attached-file__size">{formatBytes(file.sizeBytes)}</span>
              <FindingsBadge file={file} />
              {file.encoding === 'utf8' && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-expanded={shown}
                  aria-label={`${shown ? 'Hide' : 'View'} ${file.path}`}
                  onClick={() => setOpen(shown ? undefined : file.path)}
                >
                  {shown ? 'Hide' : 'View'}
                </button>
              )}
            </div>
            {shown && (
              <div className="stack stack--tight">
                {file.findings.length > 0 && (
                  <FindingsList findings={file.findings} label={`Findings in ${file.path}`} showSuggestions={false} />
                )}
                <FileContent blueprintId={blueprintId} version={version} file={file} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
