export type VoiceRecording = { stop(): Promise<{ blob: Blob; fileName: string }>; cancel(): void };

// Records the microphone with MediaRecorder: WebM/Opus where the browser has it (Chromium, Firefox).
export async function startVoiceRecording(): Promise<VoiceRecording> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const preferred = ['audio/webm;codecs=opus', 'audio/webm'].find((t) => MediaRecorder.isTypeSupported(t));
  const recorder = new MediaRecorder(stream, preferred ? { mimeType: preferred } : undefined);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size) chunks.push(e.data);
  };
  recorder.start();
  const release = () => stream.getTracks().forEach((t) => t.stop());
  return {
    stop: () =>
      new Promise((resolve) => {
        recorder.onstop = () => {
          release();
          const type = (recorder.mimeType || 'audio/webm').split(';')[0]!;
          const ext = type === 'audio/webm' ? 'webm' : type.split('/')[1] ?? 'audio';
          resolve({ blob: new Blob(chunks, { type }), fileName: `voice-note-${Date.now()}.${ext}` });
        };
        recorder.stop();
      }),
    cancel() {
      recorder.onstop = null;
      if (recorder.state !== 'inactive') recorder.stop();
      release();
    },
  };
}
