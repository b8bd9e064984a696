import type { AnalyseRequest, FileAnalysis, ImportPlanResult, ImportWorkerResponse, PlanRequest } from './protocol';

/**
 * One import worker for the life of an import dialog. Requests run one at a
 * time; `terminate` stops the work in progress, which is how cancel works.
 */
export class ImportWorkerClient {
  private readonly worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

  analyse(request: Omit<AnalyseRequest, 'kind'>): Promise<FileAnalysis> {
    return this.send({ kind: 'analyse', ...request }, 'analysis');
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

  private send<T extends ImportWorkerResponse>(
    request: AnalyseRequest | PlanRequest,
    expected: T['kind'],
    onProgress?: (done: number, total: number) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
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
  }
}
