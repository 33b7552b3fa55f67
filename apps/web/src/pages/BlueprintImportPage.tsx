import { useId, useState } from 'react';
import { Link } from 'react-router';
import '../features/blueprints/components/blueprint.css';
import type { MyOrganization } from '../features/content-owner/api/owner-api';
import { OwnerPicker } from '../features/content-owner/components/OwnerPicker';
import { useFormats } from '../features/blueprints/hooks/use-blueprint';
import {
  previewImport,
  runImport,
  type ImportItemResult,
  type ImportPreviewItem,
} from '../features/imports/api/imports-api';
import { withConflictsAcrossBatches } from '../features/imports/batch-conflicts';
import { splitIntoBatches } from '../features/imports/batches';
import { collectFiles, type CollectedFile, type LeftOutFile, type PickedFile } from '../features/imports/collect-files';
import { ImportItemCard } from '../features/imports/components/ImportItemCard';
import { ImportPicker } from '../features/imports/components/ImportPicker';
import { ImportResults } from '../features/imports/components/ImportResults';
import { PluginResults } from '../features/imports/components/PluginResults';
import { importPlugins, mergePluginResults, type PluginImportResult } from '../features/imports/api/plugins-api';
import { PLUGIN_PLACES, splitPluginUpload, type PluginUpload } from '../features/imports/plugin-upload';
import '../features/imports/components/imports.css';
import { initialChoice, requestChoice, type ItemChoice } from '../features/imports/import-choices';
import { usePageTitle } from '../features/instance/hooks/use-page-title';
import { ApiError } from '../shared/api/api-error';
import { useApiClient } from '../shared/api/api-client-context';
import { planLimitOf } from '../shared/api/plan-limit';
import { ApiErrorNotice } from '../shared/components/ApiErrorNotice';
import { FormError } from '../shared/components/FormError';
import { LoadingState } from '../shared/components/LoadingState';

/** The preview of one request's files: the server sees a skill folder whole, so batches never split one. */
interface PreviewBatch {
  files: CollectedFile[];
  items: ImportPreviewItem[];
}

type Target = 'blueprints' | 'hierarchy' | 'plugin';

/** The ways to import; "plugin" is offered only when the upload holds a plugin. */
const TARGET_CHOICES: readonly { target: Target; label: string; hint: string }[] = [
  { target: 'blueprints', label: 'Separate blueprints', hint: 'One private blueprint per file.' },
  { target: 'hierarchy', label: 'One hierarchy', hint: 'A new tree keeping each file at its repository path.' },
  {
    target: 'plugin',
    label: 'Import as plugin',
    hint:
      'A hierarchy per plugin keeping its manifest, each agent, command, skill and hooks file a blueprint. The ' +
      'manifest says what each file is: the choices per file above do not apply.',
  },
];

type Outcome =
  | {
      results: ImportItemResult[];
      hierarchyId: string | null;
      /** A batch refused by the plan's limit: the upgrade prompt above the results. */
      planLimit?: ApiError;
      plugins?: undefined;
    }
  | { plugins: PluginImportResult };

const NO_RESULT = {
  blueprintId: null,
  name: null,
  slug: null,
  format: null,
  kind: null,
  attachedFiles: 0,
  error: null,
} satisfies Omit<ImportItemResult, 'path' | 'status'>;

/** A batch the server refused as a whole: each of its items gets that error as its result. */
function refusedResults(items: readonly ImportPreviewItem[], error: unknown): ImportItemResult[] {
  const code = error instanceof ApiError ? error.code : 'UNKNOWN_ERROR';
  const message = error instanceof Error ? error.message : 'The request failed.';
  return items.map((item) => ({ ...NO_RESULT, path: item.path, status: 'failed', error: { code, message } }));
}

/** /blueprints/import: many files at once, each checked and chosen before anything is stored. */
export function BlueprintImportPage() {
  usePageTitle('Import files');
  const client = useApiClient();
  const formats = useFormats();
  const ids = { hierarchyName: useId() };
  const [busy, setBusy] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [batches, setBatches] = useState<PreviewBatch[]>([]);
  const [leftOut, setLeftOut] = useState<LeftOutFile[]>([]);
  const [choices, setChoices] = useState<Record<string, ItemChoice>>({});
  const [target, setTarget] = useState<Target>('blueprints');
  const [hierarchyName, setHierarchyName] = useState('');
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [plugin, setPlugin] = useState<PluginUpload | undefined>();
  const [pluginFailure, setPluginFailure] = useState<unknown>();
  // Who the imported content belongs to; the preview's clashes are with that owner's blueprints.
  const [owner, setOwner] = useState<MyOrganization | undefined>();
  const [lastPick, setLastPick] = useState<{ picked: PickedFile[]; label: string | undefined }>();
  const organization = owner?.slug;

  const items = batches.flatMap((batch) => batch.items);

  async function onPicked(picked: PickedFile[], label: string | undefined, forOrganization = organization) {
    setLastPick({ picked, label });
    setFailure(undefined);
    setOutcome(undefined);
    setBatches([]);
    setPlugin(undefined);
    setPluginFailure(undefined);
    setBusy('Reading the files…');
    try {
      const collection = await collectFiles(picked);
      setLeftOut(collection.leftOut);
      // A manifest or marketplace makes the plugin route the first choice: it keeps the manifest and the layout.
      setPlugin(collection.plugin);
      if (collection.plugin) setTarget('plugin');
      if (collection.files.length === 0) return;
      setBusy('Checking the files…');
      const previews: PreviewBatch[] = [];
      for (const files of splitIntoBatches(collection.files)) {
        const preview = await previewImport(client, files, forOrganization);
        previews.push({ files, items: preview.items });
      }
      const checked = withConflictsAcrossBatches(previews.map((batch) => batch.items));
      setBatches(previews.map((batch, index) => ({ ...batch, items: checked[index] ?? batch.items })));
      setChoices(
        Object.fromEntries(previews.flatMap((batch) => batch.items).map((item) => [item.path, initialChoice(item)])),
      );
      // Files with their repository paths (a folder or a zip) make a tree; single files make blueprints.
      const fromRepository =
        picked.some((entry) => entry.relativePath) || collection.files.some((f) => f.path.includes('/'));
      setTarget(collection.plugin ? 'plugin' : fromRepository ? 'hierarchy' : 'blueprints');
      setHierarchyName(label ?? 'Imported files');
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(undefined);
    }
  }

  async function onImportPlugin(upload: PluginUpload) {
    setPluginFailure(undefined);
    setBusy(upload.plugins.length === 1 ? 'Importing the plugin…' : 'Importing the plugins…');
    const answers: PluginImportResult[] = [];
    try {
      // Each request holds whole plugins; one refused leaves those imported before it in place, and they are shown.
      for (const files of splitPluginUpload(upload)) answers.push(await importPlugins(client, files, organization));
    } catch (error) {
      setPluginFailure(error);
    } finally {
      if (answers.length > 0) setOutcome({ plugins: mergePluginResults(answers) });
      setBusy(undefined);
    }
  }

  async function onImport() {
    if (target === 'plugin' && plugin) return onImportPlugin(plugin);
    const filesTarget = target === 'plugin' ? 'hierarchy' : target;
    setFailure(undefined);
    setBusy('Importing…');
    const results: ImportItemResult[] = [];
    let hierarchyId: string | null = null;
    let planLimit: ApiError | undefined;
    try {
      for (const batch of batches) {
        const chosen = batch.items.map((item) => requestChoice(item, choices[item.path] ?? initialChoice(item)));
        // The server refuses a request that skips everything: such a batch is not sent.
        if (chosen.every((choice) => choice.skip)) {
          results.push(...batch.items.map((item) => ({ ...NO_RESULT, path: item.path, status: 'skipped' as const })));
          continue;
        }
        try {
          const answer = await runImport(client, batch.files, {
            items: chosen,
            target: filesTarget,
            ...(organization ? { organization } : {}),
            ...(filesTarget === 'hierarchy'
              ? hierarchyId
                ? { hierarchyId }
                : { hierarchyName: hierarchyName.trim() || 'Imported files' }
              : {}),
          });
          hierarchyId = answer.hierarchyId ?? hierarchyId;
          results.push(...answer.items);
        } catch (error) {
          if (!planLimit && planLimitOf(error)) planLimit = error as ApiError;
          results.push(...refusedResults(batch.items, error));
        }
      }
      setOutcome({ results, hierarchyId, ...(planLimit ? { planLimit } : {}) });
    } finally {
      setBusy(undefined);
    }
  }

  const importing = items.filter((item) => !choices[item.path]?.skip).length;
  const asPlugin = target === 'plugin' && plugin !== undefined;
  const pluginCount = plugin?.plugins.length ?? 0;

  return (
    <div className="stack">
      <div className="stack stack--tight">
        <h1 className="page-title">Import files</h1>
        <p className="field__hint">
          Each file’s format is detected from its path and content; check it, change it or skip the file, then import.
          Imported blueprints are private until you publish them. Or <Link to="/blueprints/new">write a new one</Link>.
        </p>
      </div>
      <OwnerPicker
        value={organization}
        noun="imported content"
        disabled={busy !== undefined}
        onChange={(chosen) => {
          setOwner(chosen);
          // Clashes depend on the owner: check the same files again against the new owner's blueprints.
          if (lastPick && !outcome) void onPicked(lastPick.picked, lastPick.label, chosen?.slug);
        }}
      />
      <ImportPicker disabled={busy !== undefined} onPicked={(picked, label) => void onPicked(picked, label)} />
      {busy && <LoadingState label={busy} />}
      {failure !== undefined && <ApiErrorNotice title="The files could not be checked" error={failure} />}
      {leftOut.length > 0 && (
        <details className="import-left-out">
          <summary>{leftOut.length === 1 ? '1 file left out' : `${leftOut.length} files left out`}</summary>
          <ul aria-label="Files left out">
            {leftOut.slice(0, 200).map((file, index) => (
              <li key={`${file.path}-${index}`}>
                <code>{file.path}</code>: {file.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {outcome ? (
        <>
          {outcome.plugins ? (
            <PluginResults result={outcome.plugins} />
          ) : (
            <>
              {outcome.planLimit && <FormError error={outcome.planLimit} />}
              <ImportResults results={outcome.results} hierarchyId={outcome.hierarchyId} />
            </>
          )}
          <p>
            <Link to="/me/blueprints">My blueprints</Link>
          </p>
        </>
      ) : (
        (items.length > 0 || plugin) && (
          <>
            {plugin && <PluginFound upload={plugin} />}
            {items.length > 0 && (
              <section className="stack" aria-label="Files found">
                <h2 className="section-title">
                  {items.length === 1 ? '1 item' : `${items.length} items`}, {importing} to import
                </h2>
                <div className="import-items">
                  {items.map((item) => (
                    <ImportItemCard
                      key={item.path}
                      item={item}
                      choice={choices[item.path] ?? initialChoice(item)}
                      formats={formats.data ?? []}
                      disabled={busy !== undefined}
                      onChange={(choice) => setChoices((all) => ({ ...all, [item.path]: choice }))}
                    />
                  ))}
                </div>
              </section>
            )}
            <fieldset className="fieldset">
              <legend>Import as</legend>
              <div className="choice-grid">
                {TARGET_CHOICES.filter((choice) => choice.target !== 'plugin' || plugin).map((choice) => (
                  <label key={choice.target} className="choice">
                    <input
                      type="radio"
                      name="import-target"
                      checked={target === choice.target}
                      onChange={() => setTarget(choice.target)}
                    />
                    <span className="choice__text">
                      <span className="choice__label">{choice.label}</span>
                      <span className="choice__hint">{choice.hint}</span>
                    </span>
                  </label>
                ))}
              </div>
              {target === 'hierarchy' && (
                <div className="field">
                  <label className="field__label" htmlFor={ids.hierarchyName}>
                    Hierarchy name
                  </label>
                  <input
                    id={ids.hierarchyName}
                    className="input"
                    value={hierarchyName}
                    maxLength={120}
                    onChange={(event) => setHierarchyName(event.target.value)}
                  />
                </div>
              )}
            </fieldset>
            <div className="cluster">
              <button
                type="button"
                className="button button--primary"
                disabled={busy !== undefined || (asPlugin ? plugin.overLimit !== undefined : importing === 0)}
                onClick={() => void onImport()}
              >
                {asPlugin
                  ? pluginCount === 1
                    ? 'Import the plugin'
                    : `Import ${pluginCount} plugins`
                  : importing === 1
                    ? 'Import 1 item'
                    : `Import ${importing} items`}
              </button>
            </div>
          </>
        )
      )}
      {pluginFailure !== undefined && <PluginImportFailure error={pluginFailure} />}
    </div>
  );
}

const TOOL_LABELS: Record<string, string> = Object.fromEntries(PLUGIN_PLACES.map((place) => [place.tool, place.label]));

/** What makes the files a plugin, and whether the plugin route can take them. */
function PluginFound({ upload }: { upload: PluginUpload }) {
  return (
    <section className="callout" aria-label="Plugin found">
      <p>
        {upload.plugins.length === 1
          ? 'These files hold a plugin'
          : `These files hold ${upload.plugins.length} plugins`}
        {upload.marketplaces.length > 0 && (
          <>
            , listed by <code>{upload.marketplaces.join(', ')}</code>
          </>
        )}
        : {upload.files.length === 1 ? '1 file' : `${upload.files.length} files`} would be sent.
      </p>
      <ul aria-label="Plugins found">
        {upload.plugins.map((found) => (
          <li key={found.root}>
            <code>{found.root === '' ? './' : `${found.root}/`}</code>
            {found.manifests.length > 0
              ? ` with the ${found.manifests.map((tool) => TOOL_LABELS[tool] ?? tool).join(', ')} manifest${found.manifests.length === 1 ? '' : 's'}`
              : ', described by its marketplace entry'}
          </li>
        ))}
      </ul>
      {upload.overLimit && (
        <p role="alert">
          <code>{upload.overLimit.code}</code> {upload.overLimit.message} Choose the plugin’s own folder.
        </p>
      )}
    </section>
  );
}

/** A refused plugin import: nothing was created. The member or manifest at fault is named with its cause. */
function PluginImportFailure({ error }: { error: unknown }) {
  const details =
    error instanceof ApiError ? (error.details as { path?: unknown; cause?: unknown } | undefined) : undefined;
  const cause = details?.cause as { code?: unknown; message?: unknown } | undefined;
  return (
    <>
      <ApiErrorNotice title="The plugin was not imported" error={error} />
      {(typeof details?.path === 'string' || typeof cause?.code === 'string') && (
        <p className="field__hint" aria-label="Refused file">
          {typeof details?.path === 'string' && (
            <>
              In <code>{details.path}</code>
            </>
          )}
          {typeof cause?.code === 'string' && (
            <>
              {' '}
              (<code>{cause.code}</code> {typeof cause.message === 'string' ? cause.message : ''})
            </>
          )}
          . The plugins sent with it were not created.
        </p>
      )}
    </>
  );
}
