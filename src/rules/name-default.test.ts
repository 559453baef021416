import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { isDefaultSessionName, nameDefault } from './name-default.js';

describe('name-default', () => {
  it.each(['connect.sid', 'phpsessid', 'JSESSIONID', 'ASPSESSIONIDABCD', '_app_session', 'shop_session', 'sid', '__Secure-next-auth.session-token'])(
    'fires for %s',
    (name) => expect(isDefaultSessionName(name)).toBe(true),
  );
  it.each(['__Host-sid', '__Host-PHPSESSID', 'my.sid', 'app-session'])('does not fire for %s', (name) => {
    expect(isDefaultSessionName(name)).toBe(false);
  });
  it('explains itself for a session cookie', () => {
    expect(explain(nameDefault, 'PHPSESSID=1')).toMatch(/default session cookie name/);
  });
});
