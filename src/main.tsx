import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadAllGcpc } from './catalog/gcpc/load';
import { createEditorStore } from './store/editor-store';
import { App } from './ui/app';
import { StoreProvider } from './ui/store-context';
import './ui/styles.css';

const store = createEditorStore();
loadAllGcpc().then(
  (entries) => store.getState().addCatalogEntries(entries),
  (e) => store.getState().showNotice({ kind: 'error', message: `The component catalog could not be loaded: ${String(e)}` }),
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
