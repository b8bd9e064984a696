import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import { installGlobalErrorHandlers, logWithoutMessage } from './app/globalErrors';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import './styles.css';

installGlobalErrorHandlers();
registerServiceWorker();

// React logs errors that an error boundary caught with their message by default; the boundary shows it instead.
createRoot(document.getElementById('root')!, {
  onCaughtError: (error) => logWithoutMessage('render error shown by an error boundary', error),
}).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The grid is a chunk of its own; fetching it now overlaps its download and parse with opening the database.
import('./grid/SheetView').catch((error: unknown) => console.error('Could not load the grid', error));
