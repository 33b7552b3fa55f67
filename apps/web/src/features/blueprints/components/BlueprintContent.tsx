import { codeLanguageOf, frontmatterEntries, splitFrontmatter } from '../content';
import { CodeView, MarkdownView } from './MarkdownView';

interface BlueprintContentProps {
  content: string;
  /** The format's syntax from the registry (markdown, mdc, json, yaml, toml), when known. */
  syntax?: string;
}

/** A blueprint's content as a reader wants it: Markdown rendered, frontmatter as metadata, data files as code. */
export function BlueprintContent({ content, syntax }: BlueprintContentProps) {
  const language = codeLanguageOf(syntax, content);
  if (language) return <CodeView code={content} language={language} />;

  const { frontmatter, body } = splitFrontmatter(content);
  return (
    <div className="stack">
      {frontmatter !== null && <FrontmatterBlock frontmatter={frontmatter} />}
      <MarkdownView source={body} />
    </div>
  );
}

function FrontmatterBlock({ frontmatter }: { frontmatter: string }) {
  const entries = frontmatterEntries(frontmatter);
  return (
    <section className="frontmatter" aria-label="Frontmatter">
      <h3 className="frontmatter__title">Frontmatter</h3>
      {entries.length > 0 ? (
        <dl className="frontmatter__list">
          {entries.map((entry, index) => (
            <div key={`${entry.key}-${index}`} className="frontmatter__entry">
              <dt>
                <code>{entry.key}</code>
              </dt>
              <dd>
                {entry.value === '' ? <span className="frontmatter__empty">(empty)</span> : <code>{entry.value}</code>}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <CodeView code={frontmatter} language="yaml" />
      )}
    </section>
  );
}
