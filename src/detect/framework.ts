/** The session frameworks the detector can recognise (rubric section 2). */
export type Framework =
  | 'express-session'
  | 'cookie-session'
  | 'koa-session'
  | '@fastify/session'
  | 'php'
  | 'java-servlet'
  | 'asp.net'
  | 'classic-asp'
  | 'asp.net-core'
  | 'coldfusion'
  | 'django'
  | 'flask'
  | 'rails'
  | 'laravel'
  | 'spring-session'
  | 'codeigniter'
  | 'next-auth'
  | 'authjs'
  | 'jwt'
  | 'unknown';

/** Frameworks that get their own fix advice besides express-session (rubric section 6). */
export const FRAMEWORKS_WITH_ADVICE = [
  'cookie-session',
  'koa-session',
  '@fastify/session',
  'php',
  'django',
  'flask',
  'rails',
  'laravel',
  'asp.net-core',
  'java-servlet',
  'spring-session',
] as const satisfies readonly Framework[];

export type AdvisedFramework = 'express-session' | (typeof FRAMEWORKS_WITH_ADVICE)[number];
