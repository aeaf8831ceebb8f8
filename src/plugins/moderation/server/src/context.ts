import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks work done by the lifecycle service, so that the Document Service guard can tell a
 * transition from someone publishing or editing a submission around it.
 */
const lifecycle = new AsyncLocalStorage<true>();

export const insideLifecycle = (): boolean => lifecycle.getStore() === true;

export const asLifecycle = <T>(work: () => Promise<T>): Promise<T> => lifecycle.run(true, work);
