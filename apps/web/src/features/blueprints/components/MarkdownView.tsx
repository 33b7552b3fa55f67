import { lazy, Suspense } from 'react';
import './markdown.css';

// Markdown parsing and syntax highlighting weigh more than the rest of the app: loaded when content is first shown.
const MarkdownRenderer = lazy(() => import('./MarkdownRenderer'));

function Rendering() {
  return <div className="markdown markdown--loading" aria-busy="true" />;
}

interface MarkdownViewProps {
  source: string;
  className?: string;
}

/** Sanitised Markdown with highlighted code blocks (see MarkdownRenderer for what makes it safe). */
export function MarkdownView({ source, className }: MarkdownViewProps) {
  return (
    <div className={`markdown${className ? ` ${className}` : ''}`}>
      <Suspense fallback={<Rendering />}>
        <MarkdownRenderer source={source} />
      </Suspense>
    </div>
  );
}

/** Text shown as highlighted code (JSON, YAML, TOML, a file preview), never interpreted. */
export function CodeView({ code, language, label }: { code: string; language?: string; label?: string }) {
  return (
    <div className="markdown markdown--code" role={label ? 'region' : undefined} aria-label={label}>
      <Suspense fallback={<Rendering />}>
        <MarkdownRenderer source={code} language={language ?? ''} />
      </Suspense>
    </div>
  );
}
