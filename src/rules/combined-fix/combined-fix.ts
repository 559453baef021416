/**
 * "Your <framework> configuration, fixed" (issue 11): one block per session cookie with every fix
 * of its findings applied, in the configuration the recognised framework has for its session
 * cookie. Every block is built from the same settings (`fixed-settings.ts`), so the frameworks
 * cannot drift apart; a cookie of a framework without such a block, or of none, gets the
 * express-session block (rubric section 6 gives express-session advice always).
 */
import type { Framework } from '../../detect/framework.js';
import { fixedSettings, type FixedSettings } from './fixed-settings.js';
import { cookieSessionFixed, expressSessionFixed, fastifySessionFixed, koaSessionFixed } from './node-options.js';
import { laravelSessionFixed, phpIniFixed } from './php-config.js';
import { djangoSettingsFixed, flaskConfigFixed } from './python-settings.js';
import { railsSessionStoreFixed } from './rails-session-store.js';
import { webXmlFixed } from './web-xml.js';

export interface CombinedFix {
  /** The framework whose configuration the block is. */
  readonly framework: Framework;
  /** What the block is, as the card's heading says it: "your php.ini, fixed". */
  readonly title: string;
  readonly code: string;
}

type Writer = (settings: FixedSettings, cookieName: string) => string;

const WRITERS: Readonly<Partial<Record<Framework, { readonly what: string; readonly write: Writer }>>> = {
  'express-session': { what: 'express-session options', write: expressSessionFixed },
  'cookie-session': { what: 'cookie-session options', write: cookieSessionFixed },
  'koa-session': { what: 'koa-session options', write: koaSessionFixed },
  '@fastify/session': { what: '@fastify/session options', write: fastifySessionFixed },
  php: { what: 'php.ini', write: phpIniFixed },
  django: { what: 'Django settings', write: djangoSettingsFixed },
  flask: { what: 'Flask config', write: flaskConfigFixed },
  'java-servlet': { what: 'web.xml session-config', write: webXmlFixed },
  rails: { what: 'Rails session_store', write: railsSessionStoreFixed },
  laravel: { what: 'config/session.php', write: laravelSessionFixed },
};

/** The frameworks that have a combined block of their own. */
export const FRAMEWORKS_WITH_COMBINED_FIX = Object.keys(WRITERS) as readonly Framework[];

/** The block for a session cookie with these findings. */
export function combinedFix(framework: Framework, findingIds: readonly string[], cookieName: string): CombinedFix {
  const own = WRITERS[framework];
  const used = own === undefined ? 'express-session' : framework;
  const writer = own ?? (WRITERS['express-session'] as { what: string; write: Writer });
  return { framework: used, title: `Your ${writer.what}, fixed`, code: writer.write(fixedSettings(findingIds), cookieName) };
}
