/**
 * The diagram as a picture (SVG or PNG) for design docs: every task, wire colour and
 * group, with the pipeline's name as a title. html-to-image is loaded only when used.
 */
import { getNodesBounds, getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';

const PADDING = 40;
const TITLE_HEIGHT = 48;

export async function renderPicture(flow: ReactFlowInstance, title: string, format: 'svg' | 'png'): Promise<string> {
  const { toPng, toSvg } = await import('html-to-image');
  const viewportEl = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewportEl) throw new Error('The canvas is not shown.');
  const bounds = getNodesBounds(flow.getNodes().map((n) => flow.getInternalNode(n.id) ?? n));
  const width = Math.ceil(Math.max(bounds.width, 400) + 2 * PADDING);
  const height = Math.ceil(bounds.height + 2 * PADDING + TITLE_HEIGHT);
  const vp = getViewportForBounds(
    { x: bounds.x, y: bounds.y - TITLE_HEIGHT, width: bounds.width, height: bounds.height + TITLE_HEIGHT },
    width,
    height,
    1,
    1,
    PADDING,
  );
  const heading = document.createElement('div');
  heading.className = 'picture-title';
  heading.textContent = title; // text, never HTML
  heading.style.cssText = `position:absolute;left:${bounds.x}px;top:${bounds.y - TITLE_HEIGHT}px;font:600 22px system-ui,sans-serif;color:#202124;white-space:nowrap;`;
  viewportEl.appendChild(heading);
  try {
    const options = {
      backgroundColor: '#ffffff',
      width,
      height,
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
    };
    return format === 'svg' ? await toSvg(viewportEl, options) : await toPng(viewportEl, options);
  } finally {
    heading.remove();
  }
}

/** Saves a data URL as a file. */
export function downloadDataUrl(filename: string, dataUrl: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
