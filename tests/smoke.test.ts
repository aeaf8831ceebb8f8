import { startApp, type TestApp } from './helpers/strapi';

let app: TestApp;
beforeAll(async () => { app = await startApp(); });
afterAll(async () => { await app?.stop(); });

test('boots', async () => {
  const res = await app.http().get('/api/regions');
  console.log(res.status, JSON.stringify(res.body).slice(0, 300));
});
