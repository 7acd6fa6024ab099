import { inputPorts, isRequired, outputPorts } from '../catalog/ports';
import type { CatalogEntry, Port } from '../catalog/types';
import { typeColor } from './artifact-colors';

function PortLine({ port, input }: { port: Port; input: boolean }) {
  return (
    <li>
      <span className="swatch" style={{ background: typeColor(port.kind, port.type) }} />
      <code>{port.name}</code>
      {input && isRequired(port) && <span className="req">*</span>} <span className="input-type">{port.type}</span>
    </li>
  );
}

/** What a component takes and gives, shown in the palette before it is added. */
export function ComponentPreview({ entry }: { entry: CatalogEntry }) {
  const inputs = [...inputPorts(entry)].sort((a, b) => Number(isRequired(b)) - Number(isRequired(a)));
  const outputs = outputPorts(entry);
  return (
    <section className="palette-preview" aria-label="Component details">
      <h3>{entry.title}</h3>
      <code className="muted">{entry.id}</code>
      {entry.summary && <p>{entry.summary}</p>}
      <h4>Inputs ({inputs.length})</h4>
      <ul className="port-list">
        {inputs.map((p) => (
          <PortLine key={p.name} port={p} input />
        ))}
      </ul>
      <h4>Outputs ({outputs.length})</h4>
      <ul className="port-list">
        {outputs.map((p) => (
          <PortLine key={p.name} port={p} input={false} />
        ))}
      </ul>
    </section>
  );
}
