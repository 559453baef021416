import { html, type SafeHtml } from '../html.js';

/**
 * The frame every demo page shares: navigation (with the id leak when that toggle is on) and
 * styles. "Log out" is offered only to a logged-in visitor.
 */
export function layout(title: string, leak: string, body: SafeHtml, loggedIn = false): SafeHtml {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} - Session Cookie Inspector demo</title>
        <link rel="stylesheet" href="/static/demo.css" />
      </head>
      <body>
        <nav>
          <strong>Session Cookie Inspector demo</strong>
          <a href="/${leak}">Control page</a>
          ${loggedIn ? '' : html`<a href="/login${leak}">Log in</a>`}
          <a href="/profile${leak}">Profile</a>
          ${loggedIn ? html`<form method="post" action="/logout" class="inline"><button type="submit">Log out</button></form>` : ''}
        </nav>
        <main>${body}</main>
      </body>
    </html>`;
}
