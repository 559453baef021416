/** The package version, printed in reports (a test keeps it equal to package.json's). */
export const VERSION = '0.1.0';
/** The rubric version this code grades by (docs/rubric.md). */
export const RUBRIC_VERSION = 3;
/** package.json's `homepage` (a test keeps them equal): where SARIF's helpUri points. */
export const HOMEPAGE = 'https://github.com/session-cookie-inspector/session-cookie-inspector#readme';

/** The absolute address of docs/rubric.md in the repository a homepage names (GitHub's layout). */
export function rulesDocUrl(homepage: string = HOMEPAGE): string {
  const repository = homepage.replace(/#.*$/, '').replace(/\/+$/, '').replace(/\.git$/, '');
  return `${repository}/blob/main/docs/rubric.md`;
}
