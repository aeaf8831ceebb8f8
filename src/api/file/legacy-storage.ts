import type { Core } from '@strapi/strapi';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

const FILE = 'plugin::upload.file';

type Stored = { url: string; hash: string; ext?: string; mime?: string; size?: number; path?: string | null; provider_metadata?: Record<string, unknown> | null };
type Row = Stored & { id: number; provider: string; formats?: Record<string, Stored> | null };
type Provider = { uploadStream: (file: Stored & { stream: NodeJS.ReadableStream }) => Promise<void> };

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
  const config = strapi.config.get('plugin::upload') as { provider: string; providerOptions: { store: string; routePrefix?: string; directory?: string } };
  const routePrefix = config.providerOptions.routePrefix ?? '/api/files';
  const provider = strapi.plugin('upload').provider as unknown as Provider;
  const publicDir = strapi.dirs.static.public;
  const outcome = { moved: 0, adopted: 0, unreferenced: 0 };

  const rows = (await strapi.db.query(FILE).findMany({ where: { provider: { $ne: config.provider } } })) as Row[];
  for (const row of rows) {
    const objects: Stored[] = [row, ...Object.values(row.formats ?? {})];
    const rename = (stored: Stored) => ({ ...stored, url: `${routePrefix}/${stored.hash}${stored.ext ?? ''}` });
    if (row.provider === 'local') {
      const missing = objects.find((stored) => !fs.existsSync(path.join(publicDir, stored.url)));
      if (missing) {
        strapi.log.warn(`files: file ${row.id} (${missing.url}) is missing from ${publicDir}; it stays as it is, served by nobody, until it is restored and the server restarted.`);
        continue;
      }
      const copied: Stored[] = [];
      for (const stored of objects) {
        const source = path.join(publicDir, stored.url);
        const target = { ...stored };
        await provider.uploadStream({ ...target, stream: fs.createReadStream(source) });
        copied.push({ ...target, url: rename(stored).url });
      }
      await strapi.db.query(FILE).update({
        where: { id: row.id },
        data: { provider: config.provider, url: copied[0].url, provider_metadata: copied[0].provider_metadata ?? null, formats: formatsOf(row, copied.slice(1)) },
      });
      for (const stored of objects) await fsp.rm(path.join(publicDir, stored.url), { force: true });
      outcome.moved += 1;
    } else if (row.provider === 'aws-s3' && config.providerOptions.store === 's3') {
      const located = objects.map((stored) => ({ ...rename(stored), provider_metadata: { ...(stored.provider_metadata ?? {}), location: stored.url } }));
      await strapi.db.query(FILE).update({
        where: { id: row.id },
        data: { provider: config.provider, url: located[0].url, provider_metadata: located[0].provider_metadata, formats: formatsOf(row, located.slice(1)) },
      });
      outcome.adopted += 1;
    } else {
      strapi.log.warn(`files: file ${row.id} is kept by the "${row.provider}" provider, which this configuration cannot read; it is served by nobody until it is moved (docs/DEPLOYMENT.md).`);
    }
  }

  const legacyDir = path.join(publicDir, 'uploads');
  if (fs.existsSync(legacyDir)) {
    const aside = path.join(config.providerOptions.directory ?? path.resolve('storage/uploads'), 'unreferenced');
    for (const name of await fsp.readdir(legacyDir)) {
      if (name === '.gitkeep') continue;
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
