/** vitest's setup file: fast-check's defaults for every test file (see property-runs.ts). */
import fc from 'fast-check';
import { runs } from './property-runs.js';

fc.configureGlobal(runs(100));
