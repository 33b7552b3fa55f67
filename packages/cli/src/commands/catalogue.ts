import { listFormats } from '@lynxprompt/formats';
import { Option, type Command } from 'commander';
import type { BlueprintDetail, BlueprintPage, VersionList, VersionSummary } from '../api-types';
import { withContext, type CommandContext } from '../context';
import { CliError } from '../errors';
import { resolveBlueprint } from '../blueprint-api';
import { printable } from '../text';

interface SearchOptions {
  kind?: string;
  tool?: string;
  format?: string;
  category?: string;
  tag?: string[];
  author?: string;
  origin?: string;
  license?: string;
  sort?: string;
  limit?: string;
  cursor?: string;
}

/** search, show. */
export function registerCatalogueCommands(program: Command): void {
  program
    .command('search')
    .description("search the instance's catalogue, federated blueprints included (each shown with its origin)")
    .argument('[query]', 'words, "phrases", -exclusions, or')
    .option('--kind <kind>', 'rules, command, skill, agent, …')
    .option('--tool <tool>', 'tool id, e.g. cursor')
    .option('--format <format>', 'format id, e.g. cursor-rules')
    .option('--category <category>', 'category')
    .option('--tag <tag>', 'a tag (repeat: all must match)', collect, [])
    .option('--author <handle>', 'author handle (with --origin, a handle on that peer)')
    .option('--origin <domain>', "only blueprints published on this instance domain (this instance's or a peer's)")
    .option('--license <spdx>', 'SPDX licence id')
    .addOption(
      new Option('--sort <order>', 'order').choices(['relevance', 'newest', 'favorites', 'downloads', 'trending']),
    )
    .option('--limit <n>', 'results per page (1-100, default 20)')
    .option('--cursor <cursor>', 'the next page: the cursor the previous page printed')
    .action(
      withContext((context, query: string | undefined, options: SearchOptions) => search(context, query, options)),
    );

  program
    .command('show')
    .description('show a blueprint: metadata, versions, export formats and findings (--json: the API document)')
    .argument('<ref>', 'a blueprint id (bp_…, rb_… for federated ones) or @owner/slug')
    .action(withContext((context, ref: string) => show(context, ref)));
}

async function search(context: CommandContext, query: string | undefined, options: SearchOptions): Promise<void> {
  if (options.limit !== undefined && !/^\d{1,3}$/.test(options.limit)) {
    throw new CliError('INVALID_LIMIT', '--limit must be a number from 1 to 100');
  }
  const client = context.client();
  const { body: page } = await client.json<BlueprintPage>('GET', '/api/v1/blueprints', {
    query: {
      q: query,
      kind: options.kind,
      tool: options.tool,
      format: options.format,
      category: options.category,
      author: options.author,
      instance: options.origin,
      license: options.license,
      sort: options.sort,
      limit: options.limit,
      cursor: options.cursor,
      tag: options.tag,
    },
  });
  context.output.result({ instance: client.instance, ...page }, (result) => printPage(context, result));
}

function printPage(context: CommandContext, page: BlueprintPage & { instance: string }): void {
  const { output } = context;
  if (page.approximate) output.note(output.yellow(`Nothing matched as typed; showing results for a corrected search`));
  if (page.items.length === 0) {
    output.line('No blueprints found');
    return;
  }
  for (const item of page.items) {
    const origin = item.origin.local ? '' : output.cyan(` [from ${printable(item.origin.instance)}]`);
    output.line(
      `${output.bold(printable(item.name))}  ${output.dim(`@${printable(item.author.handle)}/${printable(item.slug)}`)}${origin}`,
    );
    output.line(
      `  ${item.id}  ${item.kind} · ${item.format}  ★ ${item.favoriteCount}  ↓ ${item.downloadCount}` +
        (item.hasHiddenInstructions ? output.yellow('  hidden instructions') : ''),
    );
    if (item.description) output.line(output.dim(`  ${printable(truncate(item.description, 120))}`));
  }
  if (page.nextCursor) output.line(output.dim(`More: --cursor ${page.nextCursor}`));
}

async function show(context: CommandContext, ref: string): Promise<void> {
  const client = context.client();
  const id = await resolveBlueprint(client, ref);
  const { body: detail } = await client.json<BlueprintDetail>('GET', `/api/v1/blueprints/${encodeURIComponent(id)}`);
  if (context.output.json) {
    context.output.result(detail);
    return;
  }
  // Federated (rb_) blueprints have no version history here: 404 is expected for them.
  const { status, body: versions } = await client.json<VersionList>(
    'GET',
    `/api/v1/blueprints/${encodeURIComponent(id)}/versions`,
    { accept: [404] },
  );
  printDetail(context, detail, status === 200 ? versions.items : undefined);
}

function printDetail(context: CommandContext, detail: BlueprintDetail, versions: VersionSummary[] | undefined): void {
  const { output } = context;
  output.line(`${output.bold(printable(detail.name))}  ${output.dim(detail.id)}`);
  output.line(
    `@${printable(detail.author.handle)}/${printable(detail.slug)} (${printable(detail.author.displayName)})`,
  );
  if (detail.description) output.line(printable(detail.description));
  output.line();
  const origin = detail.origin.local
    ? `${printable(detail.origin.instance)} (this instance)`
    : `${printable(detail.origin.instance)}${detail.origin.url ? ` ${printable(detail.origin.url)}` : ''}` +
      (detail.origin.signed === false ? ' (unsigned)' : '');
  const rows: Array<[string, string]> = [
    ['kind', detail.kind],
    ['format', `${detail.format} (${detail.tool})`],
    [
      'version',
      `${detail.version}${detail.isDraft ? ' (draft)' : ''}; published ${detail.publishedVersion ?? 'never'}`,
    ],
    ['licence', printable(detail.license)],
    ['visibility', detail.visibility],
    ['origin', origin],
    ['tags', detail.tags.map(printable).join(', ') || '-'],
    ['size', `${detail.sizeBytes} bytes, sha256 ${detail.contentHash}`],
    ['favourites', `${detail.favoriteCount}; downloads ${detail.downloadCount}`],
  ];
  if (detail.variables.length) rows.push(['variables', detail.variables.map((v) => printable(v.name)).join(', ')]);
  if (detail.files.length) rows.push(['files', detail.files.map((f) => printable(f.path)).join(', ')]);
  if (detail.hierarchy) rows.push(['hierarchy', `${printable(detail.hierarchy.name)} (${detail.hierarchy.id})`]);
  for (const [label, value] of rows) output.line(`${output.dim(label.padEnd(11))} ${value}`);

  const totals = detail.findingTotals;
  const clean = totals.secrets.high + totals.secrets.low + totals.hiddenInstructions === 0;
  output.line(
    `${output.dim('findings'.padEnd(11))} ` +
      (clean
        ? output.green('none')
        : output.yellow(
            `${totals.secrets.high} secrets (high), ${totals.secrets.low} (low), ` +
              `${totals.hiddenInstructions} hidden instructions`,
          )),
  );
  const targets = listFormats()
    .filter((format) => (format.kinds as readonly string[]).includes(detail.kind))
    .map((format) => format.id);
  output.line(`${output.dim('exports to'.padEnd(11))} ${targets.join(', ')}`);
  if (versions?.length) {
    output.line();
    output.line(output.bold('Versions'));
    for (const version of versions) {
      const flags = [version.isPublished ? 'published' : '', version.withheld ? 'withheld' : ''].filter(Boolean);
      output.line(
        `  v${version.number}  ${version.createdAt.slice(0, 10)}  ${version.format}` +
          (flags.length ? `  [${flags.join(', ')}]` : '') +
          (version.changelog ? `  ${printable(truncate(version.changelog, 80))}` : ''),
      );
    }
  }
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
