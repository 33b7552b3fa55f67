import { composeMail, escapeHtml } from './mail-layout';

describe('mail layout', () => {
  it('escapes text and attribute values in the HTML part', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    const mail = composeMail({
      subject: 'Sign in to <Evil & Co>',
      intro: ['Hello <script>alert(1)</script>'],
      action: { label: 'Go "now"', url: 'https://example.org/a?b=1&c="2"' },
      outro: ['Bye'],
      footer: 'Evil & Co',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('href="https://example.org/a?b=1&amp;c=&quot;2&quot;"');
    expect(mail.html).toContain('<title>Sign in to &lt;Evil &amp; Co&gt;</title>');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('writes a plain-text part with the link on a line of its own', () => {
    const mail = composeMail({
      subject: 'Subject',
      intro: ['First paragraph.'],
      action: { label: 'Open', url: 'https://example.org/x?token=abc' },
      outro: ['Last paragraph.'],
      footer: 'Footer',
    });
    expect(mail.text).toBe(
      'First paragraph.\n\nOpen:\nhttps://example.org/x?token=abc\n\nLast paragraph.\n\n-- \nFooter',
    );
    expect(mail.link).toBe('https://example.org/x?token=abc');
  });

  it('has no link when there is no action', () => {
    const mail = composeMail({ subject: 'S', intro: ['Only words.'], outro: [], footer: 'F' });
    expect(mail.link).toBeUndefined();
    expect(mail.html).not.toContain('<a ');
  });
});
