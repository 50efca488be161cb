import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallController } from '../calls/call.controller.ts';
import { canStart, formatDuration, type CallUiState } from '../calls/call.state.ts';
import { format, type Strings } from '../i18n/messages.ts';
import { HangUpIcon, MicIcon, PhoneIcon, VideoIcon } from './icons.tsx';

type Props = { state: CallUiState; calls: CallController; t: Strings };

// "Call" and "Video call", only while someone can answer and no call is under way.
export function CallButtons({ state, calls, t }: Props) {
  if (!state.available || !canStart(state.phase)) return null;
  return (
    <div class="v-call-buttons">
      <button type="button" class="v-head-btn" data-testid="call-voice" aria-label={t.call.voice} title={t.call.voice} onClick={() => calls.request('audio')}>
        <PhoneIcon />
      </button>
      <button type="button" class="v-head-btn" data-testid="call-video" aria-label={t.call.video} title={t.call.video} onClick={() => calls.request('video')}>
        <VideoIcon />
      </button>
    </div>
  );
}

function Media({ stream, muted, label, kind }: { stream: MediaStream | null; muted: boolean; label: string; kind: 'video' | 'audio' }) {
  const el = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  useEffect(() => {
    if (el.current && el.current.srcObject !== stream) el.current.srcObject = stream;
  }, [stream]);
  return kind === 'video' ? (
    <video ref={el} class={muted ? 'v-call-local' : 'v-call-remote'} autoplay playsInline muted={muted} aria-label={label} />
  ) : (
    <audio ref={el} autoplay />
  );
}

function Elapsed({ since }: { since: number }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span class="v-call-time">{formatDuration((Date.now() - since) / 1000)}</span>;
}

const btn = (testid: string, label: string, onClick: () => void, extra: Record<string, unknown> = {}, children?: ComponentChildren) => (
  <button type="button" class={`v-call-btn${testid === 'call-hangup' || testid === 'call-decline' ? ' v-call-end' : ''}`} data-testid={testid} aria-label={label} title={label} onClick={onClick} {...extra}>
    {children ?? label}
  </button>
);

// The call on screen: explanation, ringing, connecting, the call itself, and how it ended.
export function CallPanel({ state, calls, t }: Props) {
  const c = t.call;
  const { phase, media } = state;
  const section = useRef<HTMLElement>(null);
  // The button that was pressed disappears as the phase changes: its main action takes the focus,
  // unless the visitor is elsewhere (typing in the chat, say).
  useEffect(() => {
    const el = section.current;
    const active = (el?.getRootNode() as ShadowRoot | Document | undefined)?.activeElement;
    const lost = !active || active.tagName === 'BODY' || el?.contains(active) || active.closest('.v-call-buttons');
    if (el && lost) (el.querySelector('.v-call-actions button:last-child') as HTMLButtonElement | null)?.focus();
  }, [phase]);
  if (phase === 'idle') return null;
  const video = media === 'video';
  const live = phase === 'ringing' || phase === 'connecting' || phase === 'active';
  const title =
    phase === 'explain'
      ? video ? c.videoLabel : c.voiceLabel
      : phase === 'incoming'
        ? format(video ? c.incomingVideo : c.incomingVoice, { name: state.call?.employeeName || c.someone })
        : phase === 'ringing' ? c.ringing : phase === 'connecting' ? c.connecting : phase === 'active' ? c.active : video ? c.videoLabel : c.voiceLabel;
  const notice = state.notice ? c.notice[state.notice] : null;
  const message = phase === 'ended' && state.notice === 'ended' && state.durationSeconds !== null ? `${notice} · ${formatDuration(state.durationSeconds)}` : notice;

  return (
    <section ref={section} class="v-call" data-testid="call-panel" data-call-state={phase} data-call-media={media} aria-label={video ? c.videoLabel : c.voiceLabel}>
      <p class="v-call-title">
        <span role="status">{title}</span>
        {phase === 'active' && state.connectedAt !== null && <Elapsed since={state.connectedAt} />}
      </p>
      {phase === 'explain' && <p class="v-call-text">{video ? c.explainVideo : c.explainVoice}</p>}
      {phase === 'explain' && state.busy && <p class="v-call-text">{c.waitingPermission}</p>}
      {phase === 'incoming' && <p class="v-call-text">{video ? c.incomingExplainVideo : c.incomingExplainVoice}</p>}
      {phase === 'ringing' && <p class="v-call-text">{c.ringingHint}</p>}
      {live && (
        <div class={`v-call-stage${video ? ' v-call-video' : ''}`}>
          {video ? <Media kind="video" stream={state.remoteStream} muted={false} label={c.remoteVideo} /> : <Media kind="audio" stream={state.remoteStream} muted={false} label="" />}
          {video && <Media kind="video" stream={state.localStream} muted label={c.localVideo} />}
          {!video && (
            <div class="v-call-audio" aria-label={c.audioOnly} data-connected={phase === 'active'}>
              <PhoneIcon />
            </div>
          )}
        </div>
      )}
      {message && (
        <p class="v-call-message" data-testid="call-message" role={phase === 'failed' ? 'alert' : undefined}>
          {message}
        </p>
      )}
      <div class="v-call-actions">
        {phase === 'explain' && (
          <>
            {btn('call-permission-cancel', c.cancel, () => void calls.hangUp())}
            {btn('call-permission-continue', c.continue, () => void calls.proceed(), { disabled: state.busy, class: 'v-btn' })}
          </>
        )}
        {phase === 'incoming' && (
          <>
            {btn('call-decline', c.decline, () => void calls.decline(), { disabled: state.busy })}
            {btn('call-accept', c.accept, () => void calls.accept(), { disabled: state.busy, class: 'v-btn' })}
          </>
        )}
        {(phase === 'connecting' || phase === 'active') &&
          btn('call-mute', state.muted ? c.unmute : c.mute, () => calls.toggleMute(), { 'aria-pressed': state.muted }, <MicIcon />)}
        {(phase === 'connecting' || phase === 'active') &&
          video &&
          btn('call-camera', state.cameraOn ? c.cameraOff : c.cameraOn, () => calls.toggleCamera(), { 'aria-pressed': !state.cameraOn }, <VideoIcon />)}
        {live && btn('call-hangup', phase === 'ringing' ? c.cancelCall : c.hangUp, () => void calls.hangUp(), {}, <HangUpIcon />)}
        {(phase === 'ended' || phase === 'failed') && btn('call-close', c.close, () => calls.dismiss())}
      </div>
    </section>
  );
}
