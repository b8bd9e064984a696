import type {
  AnalyseRequest,
  FileAnalysis,
  ImportPlanResult,
  ImportWorkerRequest,
  ImportWorkerResponse,
  MatchRequest,
  MatchResult,
  PlanRequest,
} from './protocol';

/**
 * One import worker for the life of an import dialog. Requests run one at a
 * time; `terminate` stops the work in progress, which is how cancel works.
 */
export class ImportWorkerClient {
  private readonly worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  private queue: Promise<unknown> = Promise.resolve();

  analyse(request: Omit<AnalyseRequest, 'kind'>): Promise<FileAnalysis> {
    return this.send({ kind: 'analyse', ...request }, 'analysis');
  }

  match(request: Omit<MatchRequest, 'kind'>): Promise<MatchResult> {
    return this.send({ kind: 'match', ...request }, 'matches');
  }

  plan(
    request: Omit<PlanRequest, 'kind'>,
    onProgress: (done: number, total: number) => void,
  ): Promise<ImportPlanResult> {
    return this.send({ kind: 'plan', ...request }, 'plan', onProgress);
  }

  terminate(): void {
    this.worker.terminate();
  }

  /** Sends one request after the previous one has finished, because the worker replies in order through one handler. */
  private send<T extends ImportWorkerResponse>(
    request: ImportWorkerRequest,
    expected: T['kind'],
    onProgress?: (done: number, total: number) => void,
  ): Promise<T> {
    const run = () =>
      new Promise<T>((resolve, reject) => {
        this.worker.onmessage = (event: MessageEvent<ImportWorkerResponse>) => {
          const message = event.data;
          if (message.kind === 'progress') onProgress?.(message.done, message.total);
          else if (message.kind === 'error') reject(new Error(message.message));
          else if (message.kind === expected) resolve(message as T);
        };
        this.worker.onerror = (event) => {
          reject(new Error(event.message || 'The import worker stopped unexpectedly.'));
        };
        this.worker.postMessage(request);
      });
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
