import { createContext, useContext, type ReactNode } from 'react';
import type { PipelineDocument } from '../document/types';
import type { Library } from '../store/library';

/** Browser services beside the store: the local library and tab coordination. */
export interface Services {
  library: Library;
  takeOver(): Promise<void>;
  /** The document was just read from the library: no need to write it back. */
  markSaved(doc: PipelineDocument): void;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesProvider');
  return s;
}
