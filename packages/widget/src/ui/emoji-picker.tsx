const EMOJI = ['😀', '😂', '😊', '😍', '😢', '😮', '👍', '👏', '🙏', '🎉', '❤️', '🔥'];

export function EmojiPicker({ onPick }: { onPick: (emoji: string) => void }) {
  return (
    <div class="v-emoji" role="group">
      {EMOJI.map((e) => (
        <button key={e} type="button" aria-label={e} onClick={() => onPick(e)}>
          {e}
        </button>
      ))}
    </div>
  );
}
