import { useEffect, useState } from 'react';

interface CopyButtonProps {
  text: string;
  label?: string;
  className?: string;
}

/** Copies `text` to the clipboard and says so (politely, for screen readers) for a few seconds. */
export function CopyButton({
  text,
  label = 'Copy',
  className = 'button button--secondary button--small',
}: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 3000);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // No clipboard permission (or an insecure context): the text stays selectable on the page.
      setState('failed');
    }
  }

  return (
    <>
      <button type="button" className={className} onClick={() => void copy()}>
        {state === 'copied' ? 'Copied' : label}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied'
          ? 'Copied to the clipboard'
          : state === 'failed'
            ? 'Copying failed: select the text and copy it yourself'
            : ''}
      </span>
    </>
  );
}
