export interface StaticServer {
  /** Origin the server listens on, such as `http://127.0.0.1:4173`. */
  url: string;
  port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Directory to serve, such as the production build in dist/. */
  root: string;
  /** Port to try first. 0 lets the OS pick a free one. */
  port?: number;
  /** When `port` is taken, listen on a free port instead of failing. */
  fallbackToFreePort?: boolean;
}

export function startStaticServer(options: StaticServerOptions): Promise<StaticServer>;
