// @vitest-environment happy-dom
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { EVERY_RULE } from '../../grade/every-rule.js';
import { RulesPage } from './RulesPage.js';

describe('the bundled rules page', () => {
  it('has an entry for every finding id (the panel links to #<id>), with what it costs in words, and the letters', () => {
    const { container } = render(<RulesPage />);
    for (const rule of EVERY_RULE) expect(container.querySelector(`section[id="${rule.id}"]`), rule.id).not.toBeNull();
    expect(container.querySelector('#secure-missing')?.textContent).toContain('-40 points, caps the letter at D');
    expect(container.querySelector('#client-side-session')).not.toBeNull();
    expect(container.querySelector('table.letter-thresholds')?.textContent).toContain('85 or more');
  });
});
