export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  /** The link the message exists for, if any (the dev fallback prints it prominently). */
  link?: string;
}

export interface MailContent {
  subject: string;
  /** Paragraphs of plain text, shown before the action. */
  intro: string[];
  action?: { label: string; url: string };
  /** Paragraphs after the action: validity, "ignore this if…". */
  outro: string[];
  /** Signature line, e.g. the instance name and address. */
  footer: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and double- or single-quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/**
 * One plain layout for every message: a text part that reads well on its own (many people and filters prefer it) and
 * a small HTML part with a real link and the address written out, no images, no tracking, no remote styles.
 */
export function composeMail(content: MailContent): ComposedMail {
  const { action } = content;
  const text = [
    ...content.intro,
    ...(action ? [`${action.label}:\n${action.url}`] : []),
    ...content.outro,
    `-- \n${content.footer}`,
  ].join('\n\n');
  const paragraph = (value: string) => `<p style="margin:0 0 16px">${escapeHtml(value)}</p>`;
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#ffffff;color:#1f2328;font-family:system-ui,-apple-system,' +
      'Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5">',
    '<div style="max-width:560px;margin:0 auto">',
    ...content.intro.map(paragraph),
    ...(action
      ? [
          `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 20px;` +
            'background:#0b57d0;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">' +
            `${escapeHtml(action.label)}</a></p>`,
          '<p style="margin:0 0 16px">If the button does not work, copy this address into your browser:<br>' +
            `<span style="word-break:break-all">${escapeHtml(action.url)}</span></p>`,
        ]
      : []),
    ...content.outro.map(paragraph),
    `<p style="margin:32px 0 0;color:#59636e;font-size:14px">${escapeHtml(content.footer)}</p>`,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
  return { subject: content.subject, text, html, ...(action ? { link: action.url } : {}) };
}
