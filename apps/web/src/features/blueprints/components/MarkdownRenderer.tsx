import type { ComponentProps } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import { fenced } from '../content';

/*
 * Blueprint content is untrusted. react-markdown builds React elements from the Markdown syntax tree and never sets
 * innerHTML; without rehype-raw, raw HTML in the source is shown as text, and its default URL transform drops
 * javascript:, vbscript: and data: links. Do not add rehype-raw here.
 */
const REMARK_PLUGINS: ComponentProps<typeof ReactMarkdown>['remarkPlugins'] = [remarkGfm];
const REHYPE_PLUGINS: ComponentProps<typeof ReactMarkdown>['rehypePlugins'] = [[rehypeHighlight, { detect: false }]];

const COMPONENTS: Components = {
  // The content sits inside a page whose own h1 is the blueprint's name: every heading moves down one level, so the
  // page keeps a single h1 and the outline stays under it (markdown.css keeps each one's original look).
  h1: ({ node: _node, ...props }) => <h2 {...props} />,
  h2: ({ node: _node, ...props }) => <h3 {...props} />,
  h3: ({ node: _node, ...props }) => <h4 {...props} />,
  h4: ({ node: _node, ...props }) => <h5 {...props} />,
  h5: ({ node: _node, ...props }) => <h6 {...props} />,
  // Links written by a stranger: no referrer, no ranking credit, no handle on this window.
  a: ({ node: _node, ...props }) => <a {...props} rel="nofollow noopener noreferrer" />,
  img: ({ node: _node, alt, ...props }) => (
    <img {...props} alt={alt ?? ''} loading="lazy" referrerPolicy="no-referrer" decoding="async" />
  ),
};

export interface MarkdownRendererProps {
  /** Markdown to render, or, with `language`, text to show as highlighted code. */
  source: string;
  language?: string;
}

/** The Markdown and highlighting libraries live behind this module, which the app loads on first use. */
export default function MarkdownRenderer({ source, language }: MarkdownRendererProps) {
  return language === undefined ? (
    <ReactMarkdown remarkPlugins={REMARK_PLUGINS} rehypePlugins={REHYPE_PLUGINS} components={COMPONENTS}>
      {source}
    </ReactMarkdown>
  ) : (
    <ReactMarkdown rehypePlugins={REHYPE_PLUGINS} components={COMPONENTS}>
      {fenced(source, language)}
    </ReactMarkdown>
  );
}
