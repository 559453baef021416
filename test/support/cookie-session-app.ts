/** The Set-Cookie lines of a real cookie-session app (expressjs/cookie-session) after it stores a user. */
import cookieSession from 'cookie-session';
import express from 'express';
import request from 'supertest';

export async function cookieSessionSetCookies(keys: string[]): Promise<string[]> {
  const app = express();
  app.use(cookieSession({ name: 'session', keys }));
  app.get('/', (req, res) => {
    (req.session as { user?: string }).user = 'demo';
    res.send('ok');
  });
  return ([] as string[]).concat((await request(app).get('/')).headers['set-cookie'] ?? []);
}
