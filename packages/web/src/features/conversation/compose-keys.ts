import type { KeyboardEvent } from 'react';

// Enter or Ctrl/⌘+Enter sends; Shift+Enter adds a line; never while an IME is composing.
export function submitOnEnter(e: KeyboardEvent<HTMLTextAreaElement>, submit: () => void): void {
  if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
  e.preventDefault();
  submit();
}
