// Escape closes the drawer even when focus has left it. After a Popconfirm inside the drawer closes,
// focus is no longer inside the drawer panel, whose own key handler is what listens for Escape, so
// the drawer stayed open. This window listener (capture phase, so nothing on the way can swallow
// it) closes the drawer when the key comes from <body> or from an element that is no longer shown
// (the closed popup's button keeps focus); a visible focused popup, menu or dialog keeps Escape.
import { useEffect, useRef } from 'react';

function isShown(el: HTMLElement): boolean {
  return el.isConnected && el.offsetParent !== null && !el.closest('.ant-popover-hidden, .ant-dropdown-hidden, .ant-select-dropdown-hidden');
}

export function useEscapeToClose(open: boolean, onClose: () => void): void {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const stray = !target || target === document.body || target === document.documentElement || !isShown(target);
      if (stray) close.current();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [open]);
}
