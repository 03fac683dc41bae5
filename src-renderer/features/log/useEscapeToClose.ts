// Escape closes the drawer even when focus has left it. After a Popconfirm inside the drawer closes,
// focus stays on the popup's button (outside the drawer panel, whose own key handler is what
// listens for Escape) until it is moved, so the drawer stayed open. This window listener (capture
// phase, so nothing on the way can swallow it) closes the drawer on Escape wherever focus is, unless
// one of the drawer's own popups is open (an open one closes itself on Escape).
import { useEffect, useRef } from 'react';

export function useEscapeToClose(open: boolean, onClose: () => void, popupOpen: () => boolean): void {
  const latest = useRef({ onClose, popupOpen });
  latest.current = { onClose, popupOpen };
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || latest.current.popupOpen()) return;
      // Closed here wherever focus is (the drawer's own handler may close it too: closing twice is harmless).
      latest.current.onClose();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [open]);
}
