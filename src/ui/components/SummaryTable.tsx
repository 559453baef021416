/**
 * The summary at the top of the panel: one row per cookie of the inspected site (grade, name,
 * framework, how it was seen, the finding that costs most), navigable with the keyboard like
 * DevTools' own tables: arrow keys move between rows, Home and End jump, Enter opens the card.
 */
import type { CookieCardView } from '../store/panel-view.js';
import { GradeBadge } from './GradeBadge.js';

export interface SummaryTableProps {
  readonly cards: readonly CookieCardView[];
  /** Shows the card of a row (scrolls to it and opens it). */
  readonly onOpen: (anchor: string) => void;
}

function moveFocus(event: KeyboardEvent, onOpen: (anchor: string) => void): void {
  const row = event.currentTarget as HTMLTableRowElement;
  const rows = [...(row.parentElement?.querySelectorAll<HTMLTableRowElement>('tr') ?? [])];
  const at = rows.indexOf(row);
  const target =
    event.key === 'ArrowDown'
      ? rows[at + 1]
      : event.key === 'ArrowUp'
        ? rows[at - 1]
        : event.key === 'Home'
          ? rows[0]
          : event.key === 'End'
            ? rows[rows.length - 1]
            : undefined;
  if (target !== undefined) {
    event.preventDefault();
    row.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  } else if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    onOpen(row.dataset.anchor ?? '');
  }
}

export function SummaryTable({ cards, onOpen }: SummaryTableProps) {
  if (cards.length === 0) return null;
  return (
    <table class="summary" aria-label="Cookies of this site">
      <thead>
        <tr>
          <th scope="col">Grade</th>
          <th scope="col">Cookie</th>
          <th scope="col">Framework</th>
          <th scope="col">Seen as</th>
          <th scope="col">Worst finding</th>
        </tr>
      </thead>
      <tbody>
        {cards.map((card, index) => (
          <tr
            key={card.key}
            data-cookie-name={card.name}
            data-grade={card.grade ?? 'none'}
            data-deletion={card.deletion ? '' : undefined}
            data-anchor={card.anchor}
            tabIndex={index === 0 ? 0 : -1}
            onKeyDown={(event) => moveFocus(event, onOpen)}
            onClick={() => onOpen(card.anchor)}
          >
            <td>
              <GradeBadge grade={card.deletion ? null : card.grade} />
            </td>
            <td class="name">
              <code>{card.name}</code>
              {card.deletion ? ' (deletion)' : ''}
            </td>
            <td>{card.framework === 'unknown' ? '' : card.framework}</td>
            <td>{card.seenAs.join(', ')}</td>
            <td>{card.worstFinding ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
