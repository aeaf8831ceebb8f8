'use strict';
// @ts-check

const fs = require('node:fs');
const fsp = require('node:fs/promises');
const path = require('node:path');
const { pipeline } = require('node:stream/promises');

/**
 * @typedef {{ hash: string; ext?: string; path?: string; url?: string; mime?: string; stream?: NodeJS.ReadableStream; buffer?: Buffer; provider_metadata?: Record<string, unknown> | null }} ProviderFile
 * @typedef {{ stream: NodeJS.ReadableStream; size: number } | { redirect: string }} Opened
 */

/**
 * `<hash><ext>`, reduced to characters that cannot walk a path: the upload plugin's hash is a
 * slug (it may start with "_" for a name in a non-Latin script), the extension is whatever the
 * uploader's file name ended with.
 */
function storedName(file) {
  const hash = String(file.hash ?? '').replace(/[^A-Za-z0-9_-]/g, '');
  if (!hash) throw new Error('The upload has no hash to store it under.');
  return `${hash}${String(file.ext ?? '').replace(/[^A-Za-z0-9.]/g, '')}`;
}

/** A private folder on this machine (several instances need a shared one, or S3). */
function folderStore(directory) {
  fs.mkdirSync(directory, { recursive: true });
  const where = (file) => path.join(directory, storedName(file));
  // Written aside, then renamed: a reader never gets half a file, and a failed replacement keeps the old one.
  const write = async (file) => {
    const target = where(file);
    const partial = `${target}.partial-${process.pid}-${Date.now()}`;
    try {
      if (file.stream) await pipeline(file.stream, fs.createWriteStream(partial));
      else if (file.buffer) await fsp.writeFile(partial, file.buffer);
      else throw new Error('The upload has neither a stream nor a buffer.');
      await fsp.rename(partial, target);
    } finally {
      await fsp.rm(partial, { force: true });
    }
  };
  return {
    write,
    async remove(file) {
      await fsp.rm(where(file), { force: true });
    },
    /** @returns {Promise<Opened>} */
    async open(file) {
      const at = where(file);
      const { size } = await fsp.stat(at);
      return { stream: fs.createReadStream(at), size };
    },
    /** Every stored name with the time it was written, for the sweep of files nothing refers to. */
    async list() {
      const names = await fsp.readdir(directory);
      const found = [];
      for (const name of names) {
        const stat = await fsp.stat(path.join(directory, name)).catch(() => null);
        if (stat?.isFile()) found.push({ name, modifiedAt: stat.mtime });
      }
      return found;
    },
    async removeName(name) {
      if (name === path.basename(name) && !name.startsWith('.')) await fsp.rm(path.join(directory, name), { force: true });
    },
  };
}

/**
 * A private bucket through Strapi's own S3 provider. What it returns as the object's address is
 * kept in `provider_metadata.location`, so that a signed URL can be made when a reader is let in.
 */
function bucketStore(s3Options) {
  const inner = require('@strapi/provider-upload-aws-s3').init(s3Options);
  const located = (file) => ({ ...file, url: /** @type {string | undefined} */ (file.provider_metadata?.location) ?? file.url });
  return {
    async write(file) {
      await (file.stream && inner.uploadStream ? inner.uploadStream(file) : inner.upload(file));
      file.provider_metadata = { ...(file.provider_metadata ?? {}), location: file.url };
    },
    async remove(file) {
      await inner.delete(located(file));
    },
    /** @returns {Promise<Opened>} */
    async open(file, downloadName) {
      // The bucket's answer is a download too, so that nothing a file holds runs on its origin.
      const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(downloadName ?? storedName(file))}`;
      return { redirect: (await inner.getSignedUrl(located(file), { ResponseContentDisposition: disposition })).url };
    },
  };
}

module.exports = {
  /**
   * @param {{ store?: 'folder' | 's3'; directory?: string; s3?: Record<string, unknown>; routePrefix?: string }} options
   */
  init({ store = 'folder', directory, s3, routePrefix = '/api/files' } = {}) {
    if (store === 'folder' && !directory) throw new Error('The private upload provider needs a directory.');
    const backend = store === 's3' ? bucketStore(s3 ?? {}) : folderStore(/** @type {string} */ (directory));
    /** The one address a file is known by: the application's route that decides who may read it. */
    const address = (file) => `${routePrefix}/${storedName(file)}`;
    const put = async (file) => {
      await backend.write(file);
      file.url = address(file);
    };
    return {
      upload: put,
      uploadStream: put,
      replace: put,
      replaceStream: put,
      async delete(file) {
        await backend.remove(file);
      },
      /** Addresses in answers are never signed: the route signs, at the moment it lets a reader in. */
      isPrivate() {
        return false;
      },
      /** @returns {Promise<Opened>} */
      async open(file, downloadName) {
        return backend.open(file, downloadName);
      },
      /** Stored names with their age, where the store can list them (the folder). */
      async list() {
        return 'list' in backend ? backend.list() : null;
      },
      async removeName(name) {
        if ('removeName' in backend) await backend.removeName(name);
      },
      address,
    };
  },
};
