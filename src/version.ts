/** The package version, printed in reports (a test keeps it equal to package.json's). */
export const VERSION = '0.1.0';
/** The rubric version this code grades by (docs/rubric.md). */
export const RUBRIC_VERSION = 3;
