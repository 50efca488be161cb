import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n/messages.ts';
import { startVoiceRecording, type VoiceRecording } from '../media/voice-recorder.ts';
import type { WidgetController } from '../state/widget.controller.ts';
import { EmojiPicker } from './emoji-picker.tsx';
import { ImageIcon, MicIcon, StopIcon } from './icons.tsx';

export function Composer({ controller, t }: { controller: WidgetController; t: Strings }) {
  const [text, setText] = useState('');
  const [emojiOpen, setEmojiOpen] = useState(false);
  const [recording, setRecording] = useState<VoiceRecording | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const file = useRef<HTMLInputElement>(null);

  // Focus moves into the panel when it opens.
  useLayoutEffect(() => input.current?.focus(), []);
  // Closing the panel mid-recording releases the microphone.
  const live = useRef<VoiceRecording | null>(null);
  useEffect(() => () => live.current?.cancel(), []);

  function submit() {
    if (!text.trim()) return;
    controller.send(text);
    setText('');
    setEmojiOpen(false);
  }

  function insert(emoji: string) {
    const el = input.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + emoji + text.slice(end));
    setEmojiOpen(false);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  }

  async function toggleRecording() {
    if (recording) {
      live.current = null;
      setRecording(null);
      const { blob, fileName } = await recording.stop();
      await controller.attach(blob, fileName);
      return;
    }
    try {
      live.current = await startVoiceRecording();
      setRecording(live.current);
    } catch {
      controller.notice('micDenied');
    }
  }

  return (
    <form
      class="v-composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {emojiOpen && <EmojiPicker onPick={insert} />}
      <label class="v-sr" for="vinculo-input">
        {t.inputLabel}
      </label>
      <textarea
        id="vinculo-input"
        ref={input}
        data-testid="vinculo-input"
        rows={2}
        placeholder={t.inputPlaceholder}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          controller.keystroke();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <div class="v-tools">
        <button type="button" class="v-tool" aria-label={t.emoji} aria-expanded={emojiOpen} onClick={() => setEmojiOpen(!emojiOpen)}>
          😊
        </button>
        <button type="button" class="v-tool" aria-label={t.attachImage} onClick={() => file.current?.click()}>
          <ImageIcon />
        </button>
        <input
          ref={file}
          type="file"
          accept="image/*"
          hidden
          data-testid="vinculo-file"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (f) void controller.attach(f, f.name);
          }}
        />
        <button
          type="button"
          class="v-tool"
          data-testid="vinculo-record"
          aria-pressed={recording !== null}
          aria-label={recording ? t.stopRecording : t.recordVoice}
          onClick={() => void toggleRecording()}
        >
          {recording ? <StopIcon /> : <MicIcon />}
        </button>
        <button type="submit" class="v-btn" data-testid="vinculo-send">
          {t.send}
        </button>
      </div>
    </form>
  );
}
