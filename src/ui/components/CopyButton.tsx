import { useState } from 'preact/hooks';

/** Copies `text` through the shell's clipboard function and says whether it worked. */
export function CopyButton({ text, label, copy }: { text: string; label: string; copy: (text: string) => Promise<boolean> }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      class="copy"
      aria-label={label}
      onClick={async () => {
        setState((await copy(text)) ? 'copied' : 'failed');
        setTimeout(() => setState('idle'), 1500);
      }}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}
