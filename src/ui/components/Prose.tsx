/** Our messages and fixes are prose with `code` spans: the spans render as code, the rest as text (never as HTML). */
export function Prose({ text, className }: { text: string; className?: string }) {
  const parts = text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
  return className === undefined ? <>{parts}</> : <span class={className}>{parts}</span>;
}
