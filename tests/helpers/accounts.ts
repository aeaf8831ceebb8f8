import type { TestApp } from './strapi';

export const DEMO_USER_PASSWORD = process.env.DEMO_USER_PASSWORD || 'Demo-User-2024';
export const DEMO_ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || 'Demo-Admin-2024';

/** The demo Hub account of each users-permissions role. */
export const HUB_ACCOUNTS = {
  authenticated: 'reader@example.org',
  'member-state': 'member-state@example.org',
  stakeholder: 'stakeholder@example.org',
  'un-system': 'un-system@example.org',
} as const;

export async function hubLogin(app: TestApp, email: string, password = DEMO_USER_PASSWORD): Promise<string> {
  const res = await app.http().post('/api/auth/local').send({ identifier: email, password });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.jwt as string;
}

export async function adminLogin(app: TestApp, email: string, password = DEMO_ADMIN_PASSWORD): Promise<string> {
  const res = await app.http().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
}

/** Every key anywhere in a JSON value, and every string value. */
export function walk(value: unknown, keys = new Set<string>(), strings: string[] = []): { keys: Set<string>; strings: string[] } {
  if (Array.isArray(value)) value.forEach((v) => walk(v, keys, strings));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      keys.add(k);
      walk(v, keys, strings);
    }
  } else if (typeof value === 'string') strings.push(value);
  return { keys, strings };
}
