/**
 * The motion canvas's drawing code, a chunk of its own: requested once the canvas is usable
 * (motion-layer.tsx), not before the first screen.
 */
export { createDrawer } from './motion-draw';
export { buildScene } from './motion-scene';
