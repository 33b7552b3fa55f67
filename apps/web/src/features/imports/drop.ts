import { COLLECT_LIMITS, SKIPPED_FOLDERS, type PickedFile } from './collect-files';

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function childrenOf(entry: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = entry.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries answers in pages (100 in Chromium) until it answers an empty one.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((page) => {
        if (page.length === 0) resolve(all);
        else {
          all.push(...page);
          next();
        }
      }, reject);
    next();
  });
}

/**
 * What was dropped: files as they are, folders walked (skipping .git, node_modules and the like) with each file's
 * path inside the dropped folder, at most COLLECT_LIMITS.maxEntries files.
 */
export async function filesFromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  // The items are only readable during the event: take their entries before the first await.
  const entries = [...transfer.items]
    .map((item) => item.webkitGetAsEntry?.() ?? null)
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return [...transfer.files].map((file) => ({ file }));
  const picked: PickedFile[] = [];
  async function walk(entry: FileSystemEntry, folder: string): Promise<void> {
    if (picked.length > COLLECT_LIMITS.maxEntries) return;
    if (entry.isFile) {
      const file = await fileOf(entry as FileSystemFileEntry);
      picked.push(folder ? { file, relativePath: `${folder}/${entry.name}` } : { file });
    } else if (entry.isDirectory && !SKIPPED_FOLDERS.has(entry.name)) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      for (const child of await childrenOf(entry as FileSystemDirectoryEntry)) await walk(child, path);
    }
  }
  for (const entry of entries) await walk(entry, '');
  return picked;
}
