import { compileStrapi } from '@strapi/strapi';
import path from 'node:path';

/** Compiles the application once into dist/; every test file then loads the compiled app. */
export default async function globalSetup(): Promise<void> {
  await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
}
