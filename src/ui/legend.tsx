import { useMemo, useState } from 'react';
import { explainArtifactType } from '../catalog/glossary';
import { PARAMETER_COLOR, typeColor } from './artifact-colors';
import { useEditor } from './store-context';

/** Names every artifact type of the catalog with its colour on handles and wires. */
export function Legend() {
  const catalog = useEditor((s) => s.catalog);
  const [open, setOpen] = useState(false);
  const types = useMemo(() => {
    const set = new Set<string>();
    for (const e of catalog.entries.values())
      for (const defs of [e.inputDefinitions?.artifacts, e.outputDefinitions?.artifacts])
        for (const a of Object.values(defs ?? {})) set.add(a.artifactType.schemaTitle);
    return [...set].sort();
  }, [catalog]);
  return (
    <div className="legend">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide types' : 'Types'}
      </button>
      {open && (
        <ul aria-label="Type legend">
          {types.map((t) => (
            <li key={t} title={explainArtifactType(t)}>
              <span className="swatch round" style={{ background: typeColor('artifact', t) }} />
              {t}
            </li>
          ))}
          <li>
            <span className="swatch" style={{ background: PARAMETER_COLOR }} />
            parameter (STRING, NUMBER_INTEGER, …)
          </li>
          <li>
            <span className="swatch dashed" />
            run after (no data)
          </li>
        </ul>
      )}
    </div>
  );
}
