import {
  CodedError,
  exportDocument,
  getFormat,
  importFile,
  renderTemplate,
  type ExportedFile,
  type RenderResult,
} from '@lynxprompt/formats/browser';

/** The file name a preview uses when the blueprint has none yet: the server names it after the saved slug. */
const PREVIEW_SLUG = 'blueprint';

export type ExportPreview = { file: ExportedFile } | { problem: string };

/**
 * The draft as the chosen tool's file, computed in the browser with the same codecs the server uses: imported from
 * the format it is written in, exported to the target. In its own format the content is unchanged (as the server
 * answers). A draft that does not parse says why instead.
 */
export function previewExport(
  content: string,
  fromFormat: string,
  toFormat: string,
  names: { name: string; slug?: string },
): ExportPreview {
  try {
    const target = getFormat(toFormat);
    const { document } = importFile({ content, format: fromFormat });
    const file = exportDocument(document, target.id, {
      slug: names.slug ?? PREVIEW_SLUG,
      name: names.name.trim(),
    });
    if (target.id !== fromFormat) return { file };
    return {
      file: {
        ...file,
        content,
        droppedFields: [],
        report: { from: target.id, to: target.id, lossless: true, changes: [] },
      },
    };
  } catch (error) {
    if (error instanceof CodedError) return { problem: error.message };
    throw error;
  }
}

export type LocalRender = { rendered: RenderResult } | { problem: string };

/**
 * The variables filled in the browser, for when the reader typed every value: nothing saved (and possibly secret) is
 * needed, so the answer is the server's render without the round trip. The filled text must still parse in its
 * format, as on the server.
 */
export function renderLocally(
  content: string,
  format: string,
  values: Record<string, string>,
  names: { name: string; slug?: string },
): LocalRender {
  const rendered = renderTemplate(content, { request: values });
  const preview = previewExport(rendered.content, format, format, names);
  return 'problem' in preview ? preview : { rendered };
}
