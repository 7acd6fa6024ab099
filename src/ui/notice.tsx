import { useEffect } from 'react';
import { useEditor, useEditorStore } from './store-context';

/** A short message near the pointer (refused wire) or at the top of the canvas. */
export function NoticeBanner() {
  const notice = useEditor((s) => s.notice);
  const store = useEditorStore();
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => store.getState().showNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice, store]);
  if (!notice) return null;
  const style = notice.at ? { left: notice.at.x + 12, top: notice.at.y + 12, position: 'fixed' as const } : undefined;
  return (
    <div role="alert" className={`notice notice-${notice.kind}${notice.at ? ' notice-pointer' : ''}`} style={style}>
      <span>{notice.message}</span>
      <button type="button" aria-label="Dismiss" onClick={() => store.getState().showNotice(null)}>
        ×
      </button>
    </div>
  );
}
