// The control page's toggles: each change is sent as a partial PUT /api/config, then the page reloads
// so the new Set-Cookie can be seen (and graded by the Sessions panel). No page data becomes HTML.
const errorBox = document.getElementById('config-error');

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

async function send(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const answer = await response.json().catch(() => ({ error: response.statusText }));
    showError(answer.error);
    return;
  }
  location.reload();
}

/** `{ "cookie.secure": true }` becomes `{ cookie: { secure: true } }`. */
function patchFor(field, value) {
  const [first, second] = field.split('.');
  return second === undefined ? { [first]: value } : { [first]: { [second]: value } };
}

function controlValue(control) {
  if (control.type === 'checkbox') return control.checked;
  if (control.tagName === 'SELECT') return JSON.parse(control.value);
  const text = control.value.trim();
  if (text === '') return control.dataset.field === 'name' || control.dataset.field === 'cookie.path' ? text : null;
  return control.dataset.kind === 'number' ? Number(text) : text;
}

// The options form and the store's select both carry data-field.
document.addEventListener('change', (event) => {
  const control = event.target;
  if (control.dataset?.field) send('PUT', '/api/config', patchFor(control.dataset.field, controlValue(control)));
});

for (const button of document.querySelectorAll('[data-preset]')) {
  button.addEventListener('click', () => send('POST', `/api/presets/${encodeURIComponent(button.dataset.preset)}`));
}

fetch('/api/last-set-cookie')
  .then((response) => response.json())
  .then((last) => {
    if (!last) return;
    document.getElementById('last-request').textContent = `${last.method} ${last.url} answered ${last.status}`;
    document.getElementById('last-set-cookie').textContent =
      last.lines.length === 0 ? '(no Set-Cookie header)' : last.lines.map((line) => `Set-Cookie: ${line}`).join('\n');
  });

/** One row of the store's table, built from text only. */
function storeRow(row, index) {
  const line = document.createElement('tr');
  const expires = row.expires === null ? 'when the server stops (no expiry)' : new Date(row.expires).toLocaleString();
  for (const text of [`#${index + 1}`, row.loggedIn ? 'yes' : 'no', expires]) {
    const cell = document.createElement('td');
    cell.textContent = text;
    line.append(cell);
  }
  return line;
}

/** What the store holds, every two seconds: the count, who is logged in, each expiry. */
async function showStore() {
  const response = await fetch('/api/store');
  if (!response.ok) return;
  const store = await response.json();
  const loggedIn = store.rows.filter((row) => row.loggedIn).length;
  const name = store.store === 'sqlite' ? 'The SQLite file' : 'MemoryStore';
  document.getElementById('store-summary').textContent =
    `${name} holds ${store.sessions} session${store.sessions === 1 ? '' : 's'}, ${loggedIn} logged in. ` +
    `Writes since it was opened: ${store.writes.set} set, ${store.writes.touch} touch, ${store.writes.destroy} destroy.`;
  document.getElementById('store-rows').replaceChildren(...store.rows.map(storeRow));
}

showStore();
setInterval(() => {
  if (!document.hidden) showStore();
}, 2000);

document.getElementById('restart').addEventListener('click', async () => {
  const response = await fetch('/api/restart', { method: 'POST' });
  const answer = await response.json().catch(() => ({ error: response.statusText }));
  document.getElementById('restart-result').textContent = response.ok
    ? `Restarted: the ${answer.store === 'sqlite' ? 'SQLite file' : 'new MemoryStore'} holds ${answer.sessions} session${answer.sessions === 1 ? '' : 's'}.`
    : answer.error;
  showStore();
});
