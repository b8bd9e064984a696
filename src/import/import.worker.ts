// The import worker: reads a file, proposes a new sheet's fields, and turns
// every row into typed values. It keeps the loaded file between messages so
// the page sends the bytes once.

/// <reference lib="webworker" />
import { analyseFile, type LoadedFile } from './analyseFile';
import { planFile } from './planFile';
import type { ImportWorkerRequest, ImportWorkerResponse } from './protocol';
import { loadDateLocale } from '../fields/dateLocale';
import { loadPhoneLibrary } from '../fields/phoneLibrary';

declare const self: DedicatedWorkerGlobalScope;

let loaded: LoadedFile | null = null;

function post(message: ImportWorkerResponse): void {
  self.postMessage(message);
}

function loadedFile(): LoadedFile {
  if (!loaded) throw new Error('The file is no longer loaded. Choose it again.');
  return loaded;
}

function handle(request: ImportWorkerRequest): ImportWorkerResponse {
  if (request.kind === 'analyse') {
    const result = analyseFile({ ...request, bytes: new Uint8Array(request.bytes) });
    loaded = result.loaded;
    return result.analysis;
  }
  if (request.kind === 'match') {
    const plan = planFile(loadedFile(), request);
    return { kind: 'matches', duplicates: plan.duplicates };
  }
  return planFile(loadedFile(), request, (done, total) => post({ kind: 'progress', done, total }));
}

self.onmessage = async (event: MessageEvent<ImportWorkerRequest>) => {
  try {
    await Promise.all([loadPhoneLibrary(), loadDateLocale(event.data.ctx.locale)]);
    post(handle(event.data));
  } catch (error) {
    console.error('Import worker failed', error);
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
