/** The rules page's entry: renders the bundled rules, then shows the rule the URL's #fragment names. */
import { render } from 'preact';
import { RulesPage } from '../../src/ui/components/RulesPage.js';

const root = document.getElementById('root');
if (root) {
  render(<RulesPage />, root);
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
}
