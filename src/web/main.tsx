import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './reloadOnStaleChunks';
import { Root } from './Root';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
