/**
 * The credentials a command line hands over (rubric section 7: every secret is masked, on success
 * and on failure alike): values of credential headers given with -H, passwords in URL userinfo,
 * and --data fields named like credentials. Flow secrets join as the flow reads them.
 */
import type { CliOptions } from './cli-arguments.js';

/** Header names that carry a credential, whatever the rest of the name (OWASP Logging Cheat Sheet: never log them). */
const CREDENTIAL_HEADER = /^(?:authorization|proxy-authorization|cookie)$|auth|token|secret|key|password|passwd|session|csrf|xsrf|signature/i;
/** Field and parameter names that carry a credential. */
const CREDENTIAL_FIELD = /pass|pwd|secret|token|key|auth|session|csrf|xsrf|signature|otp|code|credential/i;

/** The secret parts of one header value: the whole value, an Authorization's credentials, a Cookie's values. */
export function headerSecrets(name: string, value: string): string[] {
  const secrets = [value];
  const lower = name.toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    const credentials = value.slice(value.indexOf(' ') + 1).trim();
    secrets.push(credentials);
    // Basic: base64 of user:password; the password alone is a secret too.
    if (/^basic$/i.test(value.split(' ', 1)[0] ?? '')) {
      const decoded = Buffer.from(credentials, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon >= 0) secrets.push(decoded.slice(colon + 1));
    }
  }
  if (lower === 'cookie') {
    for (const pair of value.split(';')) {
      const equals = pair.indexOf('=');
      if (equals >= 0) secrets.push(pair.slice(equals + 1).trim());
    }
  }
  return secrets;
}

/** The password of a URL's userinfo (as written and decoded), and its query parameters named like credentials (`?api_key=`). */
function urlSecrets(source: string): string[] {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return [];
  }
  const secrets = url.password === '' ? [] : [url.password, decodeURIComponent(url.password)];
  for (const [name, value] of url.searchParams) if (CREDENTIAL_FIELD.test(name)) secrets.push(value);
  return secrets;
}

/** Every credential in the options, before any request is made. Empty strings left out. */
export function credentialsOf(options: CliOptions): string[] {
  const secrets: string[] = [];
  for (const header of options.headers) {
    if (CREDENTIAL_HEADER.test(header.name)) secrets.push(...headerSecrets(header.name, header.value));
  }
  for (const source of options.sources) secrets.push(...urlSecrets(source));
  if (options.body !== null && options.body.contentType === 'application/x-www-form-urlencoded') {
    for (const [name, value] of new URLSearchParams(options.body.text)) if (CREDENTIAL_FIELD.test(name)) secrets.push(value);
  }
  return secrets.filter((secret) => secret !== '');
}
