import type { Core } from '@strapi/strapi';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

const FILE = 'plugin::upload.file';

type Stored = { url: string; hash: string; ext?: string; mime?: string; size?: number; path?: string | null; provider_metadata?: Record<string, unknown> | null };
type Row = Stored & { id: number; provider: string; formats?: Record<string, Stored> | null };
type Provider = {
  uploadStream: (file: Stored & { stream: NodeJS.ReadableStream }) => Promise<void>;
  address: (file: Stored) => Promise<string>;
};
type Outcome = 'moved' | 'adopted' | 'kept';

/**
 * Brings files stored before storage became private into it, at every start until none is
 * left: each file kept by Strapi's local provider in public/uploads is copied into the private
 * store, its row then points at the authorising route, and only then is the public copy removed;
 * a file in an S3 bucket stays where it is and is known by the route from then on. A crash at
 * any point leaves either the old row with its public file or the new row with its private one.
 * Anything else left under public/uploads (files no row refers to) moves out of the public
 * folder into `UPLOAD_DIR/unreferenced`, where nothing serves it.
 */
export async function moveLegacyFiles(strapi: Core.Strapi): Promise<{ moved: number; adopted: number; unreferenced: number }> {
  const config = strapi.config.get('plugin::upload') as { provider: string; providerOptions: { store: string; directory?: string } };
  const provider = strapi.plugin('upload').provider as unknown as Provider;
  const publicDir = strapi.dirs.static.public;
  const legacyDir = path.join(publicDir, 'uploads');
  const outcome = { moved: 0, adopted: 0, unreferenced: 0 };
  /** Names under public/uploads that belong to rows still waiting to be moved. */
  const kept = new Set<string>();

  /** A legacy address as a path directly inside public/uploads, or null: a row's URL is not trusted to stay there. */
  const legacyPath = (url: string) => {
    const resolved = path.resolve(publicDir, `.${url}`);
    return path.dirname(resolved) === legacyDir ? resolved : null;
  };
  const save = (row: Row, stored: Stored[]) =>
    strapi.db.query(FILE).update({
      where: { id: row.id },
      data: { provider: config.provider, url: stored[0].url, provider_metadata: stored[0].provider_metadata ?? null, formats: formatsOf(row, stored.slice(1)) },
    });

  async function moveRow(row: Row, objects: Stored[]): Promise<Outcome> {
    if (row.provider === 'local') {
      const sources = objects.map((stored) => legacyPath(stored.url));
      const missing = objects.find((_, i) => !sources[i] || !fs.existsSync(sources[i]!));
      if (missing) {
        strapi.log.warn(`files: file ${row.id} (${missing.url}) is not in ${legacyDir}; it stays as it is, served by nobody, until it is restored and the server restarted.`);
        return 'kept';
      }
      const copied: Stored[] = [];
      for (const [i, stored] of objects.entries()) {
        // The provider records on the object it is given where it stored it (url, provider_metadata).
        const target = { ...stored, stream: fs.createReadStream(sources[i]!) };
        await provider.uploadStream(target);
        const { stream: _stream, ...written } = target;
        copied.push(written);
      }
      await save(row, copied);
      for (const source of sources) await fsp.rm(source!, { force: true });
      return 'moved';
    }
    if (row.provider === 'aws-s3' && config.providerOptions.store === 's3') {
      const located: Stored[] = [];
      for (const stored of objects) {
        located.push({ ...stored, url: await provider.address(stored), provider_metadata: { ...(stored.provider_metadata ?? {}), location: stored.url } });
      }
      await save(row, located);
      return 'adopted';
    }
    strapi.log.warn(`files: file ${row.id} is kept by the "${row.provider}" provider, which this configuration cannot read; it is served by nobody until it is moved (docs/DEPLOYMENT.md).`);
    return 'kept';
  }

  const rows = (await strapi.db.query(FILE).findMany({ where: { provider: { $ne: config.provider } } })) as Row[];
  for (const row of rows) {
    const objects: Stored[] = [row, ...Object.values(row.formats ?? {})];
    let result: Outcome;
    try {
      result = await moveRow(row, objects);
    } catch (error) {
      // One file that cannot be moved keeps neither the others nor the server from starting.
      strapi.log.error(`files: file ${row.id} could not be moved (${(error as Error).message}); the next start tries again.`);
      result = 'kept';
    }
    if (result === 'kept') objects.forEach((stored) => kept.add(path.basename(stored.url)));
    else outcome[result] += 1;
  }

  if (fs.existsSync(legacyDir)) {
    const aside = path.join(config.providerOptions.directory ?? path.resolve('storage/uploads'), 'unreferenced');
    for (const name of await fsp.readdir(legacyDir)) {
      if (name === '.gitkeep' || kept.has(name)) continue;
      await fsp.mkdir(aside, { recursive: true });
      await fsp.rename(path.join(legacyDir, name), path.join(aside, name)).catch(async () => {
        await fsp.cp(path.join(legacyDir, name), path.join(aside, name), { recursive: true });
        await fsp.rm(path.join(legacyDir, name), { recursive: true, force: true });
      });
      outcome.unreferenced += 1;
    }
  }
  if (outcome.moved || outcome.adopted || outcome.unreferenced) {
    strapi.log.info(`files: ${outcome.moved} moved out of public/uploads into private storage, ${outcome.adopted} in the bucket now read through the route, ${outcome.unreferenced} unreferenced set aside`);
  }
  return outcome;
}

function formatsOf(row: Row, stored: Stored[]): Record<string, Stored> | null {
  if (!row.formats) return null;
  const keys = Object.keys(row.formats);
  return Object.fromEntries(keys.map((key, i) => [key, stored[i]]));
}
