import { useId, useState, type ChangeEvent, type DragEvent } from 'react';
import type { PickedFile } from '../collect-files';
import { filesFromDrop } from '../drop';

interface ImportPickerProps {
  disabled: boolean;
  onPicked: (picked: PickedFile[], label: string | undefined) => void;
}

/** The chosen files with the path each had in its folder, when a folder was chosen. */
function pickedOf(event: ChangeEvent<HTMLInputElement>): PickedFile[] {
  const files = [...(event.target.files ?? [])];
  // Reset, so choosing the same files again is a new choice.
  event.target.value = '';
  return files.map((file) => (file.webkitRelativePath ? { file, relativePath: file.webkitRelativePath } : { file }));
}

/** The name to offer for a hierarchy: the folder's or the zip's. */
function labelOf(picked: PickedFile[]): string | undefined {
  const first = picked[0];
  if (!first) return undefined;
  if (first.relativePath) return first.relativePath.split('/')[0];
  return picked.length === 1 && /\.zip$/i.test(first.file.name) ? first.file.name.replace(/\.zip$/i, '') : undefined;
}

/** Drop zone plus three pickers: files, a folder, a zip of a repository. */
export function ImportPicker({ disabled, onPicked }: ImportPickerProps) {
  const ids = { files: useId(), folder: useId(), zip: useId() };
  const [dragging, setDragging] = useState(false);

  const pick = (picked: PickedFile[]) => {
    if (picked.length > 0) onPicked(picked, labelOf(picked));
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    void filesFromDrop(event.dataTransfer).then(pick);
  };

  return (
    <section
      className={`import-drop${dragging ? ' import-drop--active' : ''}`}
      aria-label="Files to import"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p className="import-drop__title">Drop files, a folder or a zip of a repository here</p>
      <p className="field__hint">
        Rules, commands, skills (with their references, scripts and assets), agents and MCP configurations of any tool.
        In a folder or zip, only files a tool could read are sent (a plugin imported as one: every text file of its
        folder); .git, node_modules and binaries stay out.
      </p>
      <div className="cluster">
        <label className="button button--secondary" htmlFor={ids.files}>
          Choose files
        </label>
        <input
          id={ids.files}
          className="visually-hidden"
          type="file"
          multiple
          disabled={disabled}
          onChange={(event) => pick(pickedOf(event))}
        />
        <label className="button button--secondary" htmlFor={ids.folder}>
          Choose a folder
        </label>
        <input
          id={ids.folder}
          className="visually-hidden"
          type="file"
          disabled={disabled}
          // Not in React's typings: the browser's folder picker.
          {...{ webkitdirectory: '' }}
          onChange={(event) => pick(pickedOf(event))}
        />
        <label className="button button--secondary" htmlFor={ids.zip}>
          Choose a zip
        </label>
        <input
          id={ids.zip}
          className="visually-hidden"
          type="file"
          accept=".zip,application/zip"
          disabled={disabled}
          onChange={(event) => pick(pickedOf(event))}
        />
      </div>
    </section>
  );
}
