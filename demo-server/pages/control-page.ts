/** The control page: the toggles as a form, the options as code, the last Set-Cookie, and notes. */
import type { Session, SessionData } from 'express-session';
import { MAX_MAX_AGE, PRESETS, type DemoConfig, type PresetName } from '../demo-config.js';
import { html, type SafeHtml } from '../html.js';
import { sessionCode } from '../session-options.js';
import { layout } from './layout.js';

/**
 * How a request reached the demo, as Express sees it. Behind a TLS proxy the connection is the
 * proxy's, plain http: `X-Forwarded-Proto` and `X-Forwarded-For` count only with `trust proxy`.
 */
export interface RequestArrival {
  /** `req.protocol`: https behind a TLS proxy only when trust proxy lets X-Forwarded-Proto count. */
  readonly protocol: string;
  /** `req.ip`: the proxy's own address unless trust proxy reads X-Forwarded-For. */
  readonly clientAddress: string;
  readonly forwardedProto: string | null;
  readonly forwardedFor: string | null;
  readonly trustProxy: boolean;
}

interface ControlPageInput {
  readonly config: DemoConfig;
  readonly session: (Session & Partial<SessionData>) | undefined;
  readonly secure: boolean;
  readonly leak: string;
  /** The preset the configuration equals, or null. */
  readonly preset: PresetName | null;
  /** This page on the https port, when known. */
  readonly httpsUrl: string | null;
  /** True when this response sent the session cookie again with options changed since it was made. */
  readonly reissued: boolean;
  /** Why the SQLite store cannot be used here, and what to run; null when it can. */
  readonly sqliteMissing: string | null;
  /** True when REDIS_URL names a Redis server for the `redis` store. */
  readonly redis: boolean;
  readonly arrival: RequestArrival;
}

/** What the demo sees of this request's way in, and what `trust proxy` changes about it. */
function arrivalNote({ protocol, clientAddress, forwardedProto, forwardedFor, trustProxy }: RequestArrival): SafeHtml {
  const sees = html`the demo sees <strong id="arrival-protocol">${protocol}</strong> from <code id="arrival-client">${clientAddress}</code>`;
  if (forwardedProto === null && forwardedFor === null) {
    return html`<p class="hint" id="arrival">No proxy headers on this request: ${sees}.</p>`;
  }
  const headers = html`${forwardedProto === null ? '' : html`<code>X-Forwarded-Proto: ${forwardedProto}</code> `}${
    forwardedFor === null ? '' : html`<code>X-Forwarded-For: ${forwardedFor}</code>`
  }`;
  return trustProxy
    ? html`<p class="hint" id="arrival">
        This request came through a proxy (${headers}). With <code>app.set('trust proxy', 1)</code> on, ${sees}, so express-session treats an https request as
        secure and sends a <code>cookie.secure</code> cookie.
      </p>`
    : html`<p class="warning" id="arrival">
        This request came through a proxy (${headers}), but <code>trust proxy</code> is off: ${sees}, the proxy's own connection. express-session then sends no
        <code>cookie.secure</code> cookie at all. Turn on <code>app.set('trust proxy', 1)</code> (the toggle below) when a TLS proxy sits in front.
      </p>`;
}

function select(field: string, label: string, current: unknown, choices: readonly (readonly [string, unknown])[]): SafeHtml {
  return html`<label
    >${label}
    <select data-field="${field}">
      ${choices.map(([text, value]) => html`<option value="${JSON.stringify(value)}" ${JSON.stringify(value) === JSON.stringify(current) ? html`selected` : ''}>${text}</option>`)}
    </select></label
  >`;
}

function checkbox(field: string, label: string, checked: boolean): SafeHtml {
  return html`<label class="check"><input type="checkbox" data-field="${field}" ${checked ? html`checked` : ''} /> ${label}</label>`;
}

function text(field: string, label: string, value: string | number | null, placeholder: string, kind: 'string' | 'number'): SafeHtml {
  return html`<label>${label} <input data-field="${field}" data-kind="${kind}" value="${value ?? ''}" placeholder="${placeholder}" /></label>`;
}

const BOOLEAN: readonly (readonly [string, unknown])[] = [
  ['true', true],
  ['false', false],
];

/** Which toggle produces which finding, so a user can see each rule fire. */
const FINDING_GUIDE: readonly (readonly [string, string])[] = [
  ['cookie.secure: false', 'secure-missing'],
  ['cookie.httpOnly: false', 'httponly-missing'],
  ['cookie.sameSite: unset', 'samesite-missing'],
  ["cookie.sameSite: 'none' with secure", 'samesite-none'],
  ["cookie.sameSite: 'none' with secure: 'auto', over http", 'rejected-samesite-none-insecure'],
  ['name: __Host-sid with secure: false', 'rejected-prefix'],
  ['cookie.partitioned without secure', 'rejected-partitioned-insecure'],
  ['cookie.maxAge: 7200000 (2 h) / 172800000 (2 days) / 1209600000 (14 days)', 'lifetime-hour / lifetime-day / lifetime-week'],
  ['cookie.domain: localhost', 'domain-host'],
  ['name: connect.sid', 'name-default'],
  ['App: Cache-Control: no-store off', 'cache-control-missing'],
  ['App: HSTS off (https)', 'hsts-missing'],
  ['App: regenerate at login off, then log in', 'no-rotation-on-login'],
  ["App: logout 'forget-user', then log out", 'logout-not-cleared'],
  ["App: logout 'clear-cookie', then a flow with --active (the old cookie still logs in)", 'session-alive-after-logout'],
  ['App: adopt client ids with regenerate at login off, then a flow with --active', 'session-id-adopted'],
  ['App: session id in links, then follow a link', 'id-in-url'],
  ["secret: 'keyboard cat' (or 'some secret')", 'secret-known'],
];

/** The store section: filled in live by control.js from GET /api/store. */
function storeSection(config: DemoConfig, sqliteMissing: string | null, redis: boolean): SafeHtml {
  return html`<section aria-labelledby="store">
    <h2 id="store">The session store</h2>
    ${select('store', 'store', config.store, [
      ["'memory': express-session's MemoryStore (the default)", 'memory'],
      ["'sqlite': a SQLite file (Sequelize + connect-session-sequelize)", 'sqlite'],
      ...(redis || config.store === 'redis' ? [["'redis': the Redis server at REDIS_URL (connect-redis)", 'redis'] as const] : []),
    ])}
    ${sqliteMissing === null ? '' : html`<p class="warning" id="sqlite-missing"><strong>SQLite is not available here.</strong> ${sqliteMissing}</p>`}
    <p id="store-summary" aria-live="polite">(loading what the store holds)</p>
    <table>
      <thead>
        <tr>
          <th>Session</th>
          <th>Logged in</th>
          <th>The store lets it go</th>
        </tr>
      </thead>
      <tbody id="store-rows"></tbody>
    </table>
    <p class="hint">Ids are never shown: a session's id is what its cookie carries.</p>
    <p><button type="button" id="restart">Restart the server</button> <span id="restart-result" aria-live="polite"></span></p>
    <p class="hint">
      The button restarts the sessions, not the process: it drops every store as a new process would have none, so a new MemoryStore holds nobody while the
      SQLite file is closed and opened again with its rows. The options on this page and the secret stay. A real restart (Ctrl+C, <code>npm start</code>) also
      starts from the defaults, and without <code>SESSION_SECRET</code> it picks a new random secret: then no earlier cookie verifies, whatever the store.
    </p>
    <h3>What the toggles do to the store</h3>
    <ul>
      <li>
        <code>saveUninitialized: true</code> writes a row for every anonymous visit (every browser, every bot); <code>false</code> writes none until the session
        changes, e.g. at login. Pages here leave an anonymous session unchanged unless <code>app.countVisits</code> is on: a visit counter writes every session
        on every page, and then <code>saveUninitialized</code> changes nothing you can see.
      </li>
      <li>
        <code>resave: true</code> writes every session back on every request, changed or not (<code>set</code> in the counts above); <code>false</code> only
        touches the expiry of an unchanged one (<code>touch</code>).
      </li>
      <li>
        With <code>cookie.maxAge</code> set, express-session moves a session's expiry in the store on every request (watch "the store lets it go");
        <code>rolling: true</code> also sends the cookie with the new expiry on every response. Without it the browser keeps the first <code>Expires</code>, so
        its cookie can lapse while the store still holds the session.
      </li>
      <li>
        Logout <code>'destroy'</code> deletes the row and clears the cookie; <code>'forget-user'</code> keeps the row without its user (the same id stays
        valid); <code>'clear-cookie'</code> only clears the cookie: the row stays logged in, and a copy of the old cookie still logs in.
      </li>
      <li>
        A restart: MemoryStore forgets everyone (it is "not designed for a production environment" and not shared between processes); the SQLite file keeps
        them, and so does Redis (set <code>REDIS_URL</code> to offer it), which several processes can share.
      </li>
    </ul>
  </section>`;
}

export function controlPage({ config, session, secure, leak, preset, httpsUrl, reissued, sqliteMissing, redis, arrival }: ControlPageInput): SafeHtml {
  const { cookie } = config;
  const secureOverHttp = cookie.secure === true && !secure;
  return layout(
    'Control page',
    leak,
    html`<h1>express-session, live</h1>
      <p class="warning">
        <strong>Warning</strong> The default server-side session storage, <code>MemoryStore</code>, is <em>purposely</em> not designed for a production
        environment. It will leak memory under most conditions, does not scale past a single process, and is meant for debugging and developing.
        (express-session's documentation)
      </p>

      <p>
        Open DevTools, pick the <strong>Sessions</strong> panel, then flip a toggle and reload: the grade follows. This page was served over
        ${secure ? 'https' : 'plain http'};
        ${config.app.countVisits ? html`your session has seen ${session?.visits ?? 0} visits.` : 'visits are not counted (app.countVisits is off).'} Demo login:
        <code>demo</code> / <code>demo</code>.
      </p>
      ${arrivalNote(arrival)}
      ${
        secureOverHttp
          ? html`<p class="warning" role="alert" id="secure-over-http">
              <strong>No session cookie on this page.</strong> <code>cookie.secure</code> is <code>true</code> and this page came over plain http, so
              express-session sends no Set-Cookie at all (it says nothing about it).
              ${httpsUrl === null ? 'Open this page over https.' : html`Open <a href="${httpsUrl}">this page over https</a>.`}
            </p>`
          : ''
      }
      ${
        config.app.adoptClientIds
          ? html`<p class="warning" id="adopting">
              <strong>Teaching a bug:</strong> <code>app.adoptClientIds</code> is on, so this server adopts any session id a browser sends, even one it never
              issued (as PHP does with its default <code>session.use_strict_mode=0</code>). An id planted before the login stays the session's id after it
              ${config.app.regenerateOnLogin ? '(here the login regenerates it, which ends the attack)' : '(session fixation: whoever planted it is logged in too)'}.
            </p>`
          : ''
      }
      ${
        reissued
          ? html`<p class="hint" id="reissued">
              This response sent your session cookie again with the current options. Plain express-session would keep the options your session was created with
              until the session is regenerated (<code>req.session.regenerate(callback)</code>, e.g. at login); the demo re-issues it so a toggle shows on your
              next page load.
            </p>`
          : ''
      }

      <section aria-labelledby="presets">
        <h2 id="presets">Presets</h2>
        <p id="active-preset">Active: <strong>${preset ?? 'custom (no preset)'}</strong></p>
        ${Object.keys(PRESETS).map((name) => html`<button type="button" data-preset="${name}" ${name === preset ? html`aria-pressed="true"` : html`aria-pressed="false"`}>${name}</button> `)}
      </section>

      ${storeSection(config, sqliteMissing, redis)}

      <section aria-labelledby="options">
        <h2 id="options">Options</h2>
        <form id="config" autocomplete="off">
          <fieldset>
            <legend>Cookie</legend>
            ${text('name', 'name', config.name, 'connect.sid', 'string')}
            <label
              >secret (empty: the server's own, random per start)
              <input data-field="secret" data-kind="string" list="known-secrets" value="${config.secret ?? ''}" placeholder="random per start"
            /></label>
            <datalist id="known-secrets">
              <option value="keyboard cat"></option>
              <option value="some secret"></option>
            </datalist>
            ${select('cookie.secure', 'cookie.secure', cookie.secure, [...BOOLEAN, ["'auto'", 'auto']])}
            ${select('cookie.httpOnly', 'cookie.httpOnly', cookie.httpOnly, BOOLEAN)}
            ${select('cookie.sameSite', 'cookie.sameSite', cookie.sameSite, [
              ['unset', null],
              ["'lax'", 'lax'],
              ["'strict'", 'strict'],
              ["'none'", 'none'],
              ['true', true],
              ['false', false],
            ])}
            ${text('cookie.maxAge', 'cookie.maxAge (ms, empty: browser session)', cookie.maxAge, `0 to ${MAX_MAX_AGE}`, 'number')}
            ${text('cookie.domain', 'cookie.domain (empty: host-only)', cookie.domain, 'localhost', 'string')}
            ${text('cookie.path', 'cookie.path', cookie.path, '/', 'string')} ${select('cookie.partitioned', 'cookie.partitioned', cookie.partitioned, BOOLEAN)}
            ${select('cookie.priority', 'cookie.priority', cookie.priority, [
              ['unset', null],
              ["'low'", 'low'],
              ["'medium'", 'medium'],
              ["'high'", 'high'],
            ])}
          </fieldset>
          <fieldset>
            <legend>Session</legend>
            ${checkbox('rolling', 'rolling', config.rolling)} ${checkbox('resave', 'resave', config.resave)}
            ${checkbox('saveUninitialized', 'saveUninitialized', config.saveUninitialized)}
            ${select('proxy', 'proxy', config.proxy, [['unset', null], ...BOOLEAN])} ${checkbox('trustProxy', "app.set('trust proxy', 1)", config.trustProxy)}
          </fieldset>
          <fieldset>
            <legend>App</legend>
            ${checkbox('app.regenerateOnLogin', 'regenerate the session at login', config.app.regenerateOnLogin)}
            ${select('app.logout', 'at logout', config.app.logout, [
              ["'destroy': destroy the session and clear the cookie", 'destroy'],
              ["'forget-user': keep the session, forget its user", 'forget-user'],
              ["'clear-cookie': only clear the cookie (the session stays logged in: a bug)", 'clear-cookie'],
            ])}
            ${checkbox('app.countVisits', 'count visits (writes every session on every page)', config.app.countVisits)}
            ${checkbox('app.adoptClientIds', 'adopt any session id a client sends (a bug, on purpose: session fixation, as PHP by default)', config.app.adoptClientIds)}
            ${checkbox('app.hsts', 'send Strict-Transport-Security (https only)', config.app.hsts)}
            ${checkbox('app.noStore', 'send Cache-Control: no-store', config.app.noStore)}
            ${checkbox('app.idInLinks', 'put the session id in links (a leak, on purpose)', config.app.idInLinks)}
          </fieldset>
          <p id="config-error" class="error" role="alert" hidden></p>
        </form>
      </section>

      <section aria-labelledby="code">
        <h2 id="code">As code</h2>
        <pre><code>${sessionCode(config)}</code></pre>
      </section>

      <section aria-labelledby="last">
        <h2 id="last">Set-Cookie of the last page response</h2>
        <p id="last-request" class="hint"></p>
        <pre id="last-set-cookie">(reload to see it)</pre>
      </section>

      <section aria-labelledby="surprises">
        <h2 id="surprises">Where express-session surprises people</h2>
        <ul>
          <li>
            With <code>cookie.secure: true</code> over plain http, express-session sends <strong>no Set-Cookie at all</strong>, silently: every request starts a
            new, unsaved session. Use https (this server also listens on https), or <code>secure: 'auto'</code>.
          </li>
          <li>
            Behind a proxy that terminates TLS, express-session only sees http: set <code>app.set('trust proxy', 1)</code> (or the <code>proxy</code> option) so
            <code>X-Forwarded-Proto: https</code> counts.
          </li>
          <li><code>cookie.maxAge</code> is in milliseconds and emits <code>Expires</code> only, never <code>Max-Age</code>.</li>
          <li>
            <code>sameSite: 'none'</code> with <code>secure: 'auto'</code> over http emits <code>SameSite=None</code> without <code>Secure</code>, which
            browsers reject.
          </li>
          <li>A <code>__Host-</code> name without <code>secure: true</code> is sent anyway, and the browser drops it.</li>
        </ul>
      </section>

      <section aria-labelledby="guide">
        <h2 id="guide">Which toggle shows which finding</h2>
        <table>
          <thead>
            <tr>
              <th>Set</th>
              <th>Finding</th>
            </tr>
          </thead>
          <tbody>
            ${FINDING_GUIDE.map(
              ([toggle, finding]) =>
                html`<tr>
                  <td>${toggle}</td>
                  <td><code>${finding}</code></td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
      <script src="/static/control.js"></script>`,
    Boolean(session?.user),
  );
}
