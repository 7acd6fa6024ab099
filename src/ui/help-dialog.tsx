import { ARTIFACT_TYPES, CONCEPTS } from '../catalog/glossary';
import { typeColor } from './artifact-colors';
import { Dialog } from './dialog';

/** Help: the guided tour, the shortcuts, and a glossary of pipeline concepts and artifact types. */
export function HelpDialog({ onClose, onTour, onShortcuts }: { onClose(): void; onTour(): void; onShortcuts(): void }) {
  return (
    <Dialog title="Help" onClose={onClose}>
      <div className="dialog-body start-actions">
        <button type="button" className="primary" onClick={onTour}>
          Start the guided tour
        </button>
        <button type="button" onClick={onShortcuts}>
          Keyboard shortcuts
        </button>
      </div>
      <h3>Glossary</h3>
      <dl className="glossary">
        {CONCEPTS.map((c) => (
          <div key={c.term}>
            <dt>{c.term}</dt>
            <dd>{c.text}</dd>
          </div>
        ))}
      </dl>
      <h3>Artifact types</h3>
      <dl className="glossary">
        {Object.entries(ARTIFACT_TYPES).map(([t, text]) => (
          <div key={t}>
            <dt>
              <span className="swatch round" style={{ background: typeColor('artifact', t) }} /> <code>{t}</code>
            </dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
