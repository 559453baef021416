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

document.getElementById('config').addEventListener('change', (event) => {
  const control = event.target;
  if (control.dataset.field) send('PUT', '/api/config', patchFor(control.dataset.field, controlValue(control)));
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
