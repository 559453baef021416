export interface ToolbarProps {
  readonly filter: string;
  readonly revealValues: boolean;
  readonly onFilter: (text: string) => void;
  readonly onReveal: (reveal: boolean) => void;
  readonly onExportJson: () => void;
  readonly onExportMarkdown: () => void;
  readonly onClear: () => void;
}

export function Toolbar(props: ToolbarProps) {
  return (
    <div class="toolbar" role="toolbar" aria-label="Sessions panel">
      <input
        type="search"
        placeholder="Filter by cookie or finding"
        aria-label="Filter by cookie name or finding"
        value={props.filter}
        onInput={(event) => props.onFilter((event.currentTarget as HTMLInputElement).value)}
      />
      <label class="switch">
        <input type="checkbox" checked={props.revealValues} onChange={(event) => props.onReveal((event.currentTarget as HTMLInputElement).checked)} />
        Show values
      </label>
      <button type="button" onClick={props.onExportJson}>
        Export JSON
      </button>
      <button type="button" onClick={props.onExportMarkdown}>
        Export Markdown
      </button>
      <button type="button" onClick={props.onClear}>
        Clear
      </button>
    </div>
  );
}
